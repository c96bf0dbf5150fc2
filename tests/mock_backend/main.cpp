// medusa_mock: the mock Medusa backend, started by hand or by the demo.
//
//   medusa_mock [--host 127.0.0.1] [--port 9000] [--static DIR] [--cors ORIGIN]... [--webhook
//   URL]... [--webhook-secret whsec_...]
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include "command_line.hpp"

#include "server.hpp"

namespace {
// Set by SIGINT/SIGTERM; the main thread stops the server (stop() is not signal-safe).
volatile std::sig_atomic_t stop_requested = 0;
void on_signal(int) {
  stop_requested = 1;
}
}  // namespace

int main(int argc, char** argv) {
  medusa::mock::ServerOptions options;
  std::string host = "127.0.0.1";
  int port = 9000;
  medusa::demo::CommandLine args(argc, argv);
  for (std::string arg; args.next(arg);) {
    if (arg == "--host")
      host = args.value(arg);
    else if (arg == "--port")
      port = std::stoi(args.value(arg));
    else if (arg == "--static")
      options.static_dir = args.value(arg);
    else if (arg == "--cors")
      options.cors_origins.push_back(args.value(arg));
    else if (arg == "--webhook")
      options.webhooks.push_back(args.value(arg));
    else if (arg == "--webhook-secret")
      options.webhook_secret = args.value(arg);
    else if (arg == "--publishable-key")
      options.publishable_key = args.value(arg);
    else {
      std::cerr << "usage: medusa_mock [--host H] [--port P] [--static DIR] [--cors ORIGIN] "
                   "[--webhook URL] [--webhook-secret whsec_...]\n";
      return 2;
    }
  }
  medusa::mock::MockServer server(options);
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  // Port 0 binds any free port; the first line printed names the one chosen.
  const int bound = server.start(host, port);
  if (bound <= 0) {
    std::cerr << "cannot listen on " << host << ":" << port << "\n";
    return 1;
  }
  std::cout << "mock Medusa backend on " << server.url() << "\n"
            << "publishable key: " << options.publishable_key << "\n"
            << "admin: " << options.admin_email << " / " << options.admin_password << std::endl;
  while (!stop_requested) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  server.stop();
  return 0;
}
