// medusa_mock: the mock Medusa backend, started by hand or by the demo.
//
//   medusa_mock [--host 127.0.0.1] [--port 9000] [--static DIR] [--cors ORIGIN]... [--webhook
//   URL]...
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>

#include "server.hpp"

namespace {
medusa::mock::MockServer* running = nullptr;
void on_signal(int) {
  if (running) running->stop();
}
}  // namespace

int main(int argc, char** argv) {
  medusa::mock::ServerOptions options;
  std::string host = "127.0.0.1";
  int port = 9000;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "missing value after " << arg << "\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--host")
      host = value();
    else if (arg == "--port")
      port = std::stoi(value());
    else if (arg == "--static")
      options.static_dir = value();
    else if (arg == "--cors")
      options.cors_origins.push_back(value());
    else if (arg == "--webhook")
      options.webhooks.push_back(value());
    else if (arg == "--publishable-key")
      options.publishable_key = value();
    else {
      std::cerr << "usage: medusa_mock [--host H] [--port P] [--static DIR] [--cors ORIGIN] "
                   "[--webhook URL]\n";
      return 2;
    }
  }
  medusa::mock::MockServer server(options);
  running = &server;
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  std::cout << "mock Medusa backend on http://" << host << ":" << port << "\n"
            << "publishable key: " << options.publishable_key << "\n"
            << "admin: " << options.admin_email << " / " << options.admin_password << std::endl;
  if (!server.run(host, port)) {
    std::cerr << "cannot listen on " << host << ":" << port << "\n";
    return 1;
  }
  return 0;
}
