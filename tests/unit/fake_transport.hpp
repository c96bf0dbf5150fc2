// A scripted Transport for client tests: answers with queued responses (often the real
// server's traces) and records what was sent.
#pragma once

#include <deque>
#include <vector>

#include "medusa/client/transport.hpp"
#include "test_support.hpp"

class FakeTransport : public medusa::client::Transport {
 public:
  medusa::Result<medusa::http::Response> send(const medusa::http::Request& request) override {
    sent.push_back(request);
    if (script.empty()) {
      return medusa::Error(medusa::ErrorKind::transport, "transport.script",
                           "no scripted response left");
    }
    auto next = script.front();
    script.pop_front();
    return next;
  }

  FakeTransport& reply(int status, std::string body) {
    script.push_back(medusa::http::Response{status, {}, std::move(body)});
    return *this;
  }
  FakeTransport& reply_trace(const std::string& name) {
    const auto t = test_support::load_trace(name);
    return reply(t.status, t.response_body);
  }
  FakeTransport& fail(const std::string& code, bool sent_to_server) {
    medusa::Error e(medusa::ErrorKind::transport, code, "scripted failure");
    e.details = medusa::json{{"sent", sent_to_server}};
    script.push_back(e);
    return *this;
  }

  std::deque<medusa::Result<medusa::http::Response>> script;
  std::vector<medusa::http::Request> sent;
};
