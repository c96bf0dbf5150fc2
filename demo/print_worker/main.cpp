// print_worker: writes print jobs for placed orders and fulfils them.
//
//   print_worker --url http://127.0.0.1:9000 --email admin@example.com --password supersecret
//                [--out print-jobs] [--once | --poll SECONDS | --listen PORT] [--location sloc_...]
//                [--webhook-secret whsec_...]   (required with --listen; or PRINT_WEBHOOK_SECRET)
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>
#include "command_line.hpp"

#include "print_worker.hpp"

namespace {
volatile std::sig_atomic_t stopping = 0;
void on_signal(int) {
  stopping = 1;
}

void report(const medusa::worker::OrderOutcome& o) {
  std::cout << "order " << o.order_id << ": " << o.jobs_written << " new print job(s), "
            << o.jobs_existing << " already printed, " << o.items_rejected << " rejected"
            << (o.fulfillment_created ? ", fulfillment created" : "")
            << (o.fulfillment_error.empty() ? "" : ", fulfillment refused") << "\n";
  for (const auto& m : o.messages) std::cout << "  " << m << "\n";
  std::cout.flush();
}
}  // namespace

int main(int argc, char** argv) {
  medusa::api::Config config;
  medusa::worker::WorkerOptions options;
  std::string email, password, mode = "once";
  const char* secret_env = std::getenv("PRINT_WEBHOOK_SECRET");
  std::string webhook_secret = secret_env ? secret_env : "";
  int poll_seconds = 10, listen_port = 0;
  medusa::demo::CommandLine args(argc, argv);
  for (std::string arg; args.next(arg);) {
    if (arg == "--url")
      config.base_url = args.value(arg);
    else if (arg == "--email")
      email = args.value(arg);
    else if (arg == "--password")
      password = args.value(arg);
    else if (arg == "--secret-key")
      config.api_key = args.value(arg);
    else if (arg == "--out")
      options.output_dir = args.value(arg);
    else if (arg == "--location")
      options.location_id = args.value(arg);
    else if (arg == "--webhook-secret")
      webhook_secret = args.value(arg);
    else if (arg == "--once")
      mode = "once";
    else if (arg == "--poll")
      mode = "poll", poll_seconds = std::stoi(args.value(arg));
    else if (arg == "--listen")
      mode = "listen", listen_port = std::stoi(args.value(arg));
    else {
      std::cerr
          << "usage: print_worker --url URL (--email E --password P | --secret-key K) [--out DIR]\n"
             "                    [--once | --poll SECONDS | --listen PORT] [--location ID]\n"
             "                    [--webhook-secret whsec_... (with --listen)]\n";
      return 2;
    }
  }
  medusa::client::Client sdk(config);
  if (!email.empty()) {
    auto token = sdk.login("user", "emailpass", {{"email", email}, {"password", password}});
    if (!token) {
      std::cerr << "login failed: " << token.error().describe() << "\n";
      return 1;
    }
  }
  medusa::worker::PrintWorker worker(sdk, options);
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  if (mode == "listen") {
    // Unsigned webhooks would let anyone on the network print and fulfil orders.
    auto secret = medusa::webhooks::parse_secret(webhook_secret);
    if (!secret) {
      std::cerr << "--listen needs --webhook-secret (or PRINT_WEBHOOK_SECRET): "
                << secret.error().message << "\n";
      return 2;
    }
    medusa::worker::WebhookListener listener(worker, *secret, report);
    const int port = listener.start("127.0.0.1", listen_port);
    if (port <= 0) {
      std::cerr << "cannot listen on port " << listen_port << "\n";
      return 1;
    }
    std::cout << "listening for signed print jobs on http://127.0.0.1:" << port << "/hooks/medusa"
              << std::endl;
    while (!stopping) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    return 0;
  }
  do {
    auto outcomes = worker.poll_once();
    if (!outcomes) {
      std::cerr << "poll failed: " << outcomes.error().describe() << "\n";
      if (mode == "once") return 1;
    } else {
      for (const auto& o : *outcomes) report(o);
      if (outcomes->empty()) std::cout << "no new orders\n";
    }
    for (int s = 0; mode == "poll" && s < poll_seconds * 5 && !stopping; ++s) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  } while (mode == "poll" && !stopping);
  return 0;
}
