// checkout_cli: the whole personalized purchase against a Medusa backend (mock or real),
// printing each step. An invalid personalization is refused with the validator's issues.
//
//   checkout_cli --url http://127.0.0.1:9000 --publishable-key pk_...
//                [--product custom-t-shirt] [--variant S] [--quantity 1]
//                [--set message="Happy birthday"] [--set font=Script] [--image photo.jpg]
//                [--email anna@example.com]
#include <fstream>
#include <iostream>
#include <sstream>
#include "command_line.hpp"

#include "medusa/client/client.hpp"
#include "medusa/image/image_info.hpp"
#include "medusa/personalization/metadata.hpp"

using medusa::json;
namespace p = medusa::personalization;

namespace {

int fail(const std::string& step, const medusa::Error& e) {
  std::cout << "x " << step << " failed: " << e.describe() << "\n";
  if (e.details.is_object() && e.details.contains("issues")) {
    for (const auto& i : e.details["issues"])
      std::cout << "    " << i["instance_path"].get<std::string>() << "  ["
                << i["code"].get<std::string>() << "] " << i["message"].get<std::string>() << "\n";
  }
  if (e.kind == medusa::ErrorKind::validation) {
    for (const auto& i : e.details)
      std::cout << "    " << i["instance_path"].get<std::string>() << "  ["
                << i["code"].get<std::string>() << "] " << i["message"].get<std::string>() << "\n";
  }
  return 1;
}

// --set key=value: numbers and booleans as JSON, everything else as a string.
void set_value(json& values, const std::string& assignment) {
  const auto eq = assignment.find('=');
  const std::string key = assignment.substr(0, eq);
  const std::string raw = eq == std::string::npos ? "" : assignment.substr(eq + 1);
  auto parsed = json::parse(raw, nullptr, false);
  values[key] =
      (!parsed.is_discarded() && (parsed.is_number() || parsed.is_boolean())) ? parsed : json(raw);
}

}  // namespace

int main(int argc, char** argv) {
  medusa::api::Config config;
  std::string handle = "custom-t-shirt", variant_title, image_path, email = "customer@example.com";
  std::int64_t quantity = 1;
  json values = json::object();
  medusa::demo::CommandLine args(argc, argv);
  for (std::string arg; args.next(arg);) {
    if (arg == "--url")
      config.base_url = args.value(arg);
    else if (arg == "--publishable-key")
      config.publishable_key = args.value(arg);
    else if (arg == "--product")
      handle = args.value(arg);
    else if (arg == "--variant")
      variant_title = args.value(arg);
    else if (arg == "--quantity")
      quantity = std::stoll(args.value(arg));
    else if (arg == "--set")
      set_value(values, args.value(arg));
    else if (arg == "--image")
      image_path = args.value(arg);
    else if (arg == "--email")
      email = args.value(arg);
    else {
      std::cerr << "usage: checkout_cli --url URL --publishable-key PK [--product HANDLE] "
                   "[--variant TITLE]\n"
                   "                    [--quantity N] [--set KEY=VALUE]... [--image FILE] "
                   "[--email EMAIL]\n";
      return 2;
    }
  }
  medusa::client::Client sdk(config);

  auto products = sdk.store.product.list(medusa::http::Query().add("handle", handle));
  if (!products) return fail("product lookup", products.error());
  if (!products->products || products->products->empty()) {
    std::cout << "x no product with handle " << handle << "\n";
    return 1;
  }
  const medusa::Product& product = products->products->front();
  const medusa::ProductVariant* variant = &product.variants->front();
  for (const auto& v : *product.variants) {
    if (v.title && *v.title == variant_title) variant = &v;
  }
  std::cout << "1. product " << *product.title << " / " << variant->title.value_or("") << " ("
            << *variant->id << ")\n";
  auto schema = p::Schema::for_product(product, variant);
  if (!schema) return fail("schema", schema.error());
  if (!*schema) {
    std::cout << "x this product is not personalized\n";
    return 1;
  }
  std::cout << "   personalization fields:";
  for (const auto& f : (*schema)->fields()) std::cout << " " << f.name << (f.required ? "*" : "");
  std::cout << "\n";

  if (!image_path.empty()) {
    std::ifstream in(image_path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto info = medusa::image::read_image_header(bytes);
    if (!info) return fail("image", info.error());
    for (const auto& f : (*schema)->fields()) {
      if (f.widget != "image") continue;
      auto check = medusa::image::check_image(**schema, f.name, *info, bytes.size());
      if (check && !check->valid()) {
        std::cout << "x image refused before upload:\n";
        for (const auto& issue : check->issues)
          std::cout << "    " << issue.instance_path << "  [" << issue.code << "] " << issue.message
                    << "\n";
        return 1;
      }
      auto uploaded = sdk.store.personalization.uploadImage(image_path, bytes);
      if (!uploaded) return fail("upload", uploaded.error());
      values[f.name] = medusa::to_json(*uploaded->file);
      values[f.name].erase("id");
      values[f.name].erase("filename");
      std::cout << "2. uploaded " << image_path << " (" << info->width << "x" << info->height
                << ") -> " << *uploaded->file->url << "\n";
    }
  }

  // Refuse an invalid personalization before anything is created on the server.
  if (auto checked = p::build_line_item_metadata(**schema, values); !checked)
    return fail("personalization", checked.error());

  auto regions = sdk.store.region.list();
  if (!regions) return fail("regions", regions.error());
  medusa::api::CreateCart create;
  create.region_id = *regions->regions->front().id;
  auto cart = sdk.store.cart.create(create);
  if (!cart) return fail("cart", cart.error());
  const std::string cart_id = *cart->cart->id;
  std::cout << "3. cart " << cart_id << "\n";

  auto added = sdk.store.cart.createPersonalizedLineItem(cart_id, **schema,
                                                         {*variant->id, quantity, values});
  if (!added) return fail("add personalized item", added.error());
  std::cout << "4. added " << quantity << " x " << *product.title << " with "
            << medusa::json(added->cart->items->back().metadata.value_or(json())).dump() << "\n";

  medusa::api::UpdateCart update;
  update.email = email;
  medusa::Address address;
  address.first_name = "Anna";
  address.last_name = "Muster";
  address.address_1 = "Hauptstr. 5";
  address.city = "Berlin";
  address.postal_code = "10115";
  address.country_code = "de";
  update.shipping_address = address;
  update.billing_address = address;
  if (auto r = sdk.store.cart.update(cart_id, update); !r) return fail("address", r.error());
  auto options =
      sdk.store.fulfillment.listCartOptions(medusa::http::Query().add("cart_id", cart_id));
  if (!options) return fail("shipping options", options.error());
  medusa::api::AddShippingMethod shipping;
  shipping.option_id = *options->shipping_options->front().id;
  auto shipped = sdk.store.cart.addShippingMethod(cart_id, shipping);
  if (!shipped) return fail("shipping method", shipped.error());
  std::cout << "5. shipping " << options->shipping_options->front().name.value_or("") << ", total "
            << *shipped->cart->total << " " << *shipped->cart->currency_code << "\n";

  medusa::api::InitiatePaymentSession session;
  session.provider_id = "pp_system_default";
  if (auto r = sdk.store.payment.initiatePaymentSession(*shipped->cart, session); !r)
    return fail("payment", r.error());
  std::cout << "6. payment session with pp_system_default\n";
  auto done = sdk.store.cart.complete(cart_id);
  if (!done) return fail("complete", done.error());
  if (!done->is_order()) {
    std::cout << "x cart not completed: " << done->error.value_or(json()).dump() << "\n";
    return 1;
  }
  std::cout << "7. order #" << *done->order->display_id << " " << *done->order->id << " placed\n";
  for (const auto& item : *done->order->items) {
    std::cout << "   " << item.quantity.value_or(0) << " x " << item.title.value_or("") << " "
              << p::customer_values(item.personalization()).dump() << "\n";
  }
  return 0;
}
