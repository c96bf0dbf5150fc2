// Image headers read from the bytes, pre-upload print checks, and the multipart upload.
#include <doctest/doctest.h>

#include "medusa/api/store.hpp"
#include "medusa/image/image_info.hpp"
#include "test_support.hpp"

using medusa::json;
using namespace medusa;

namespace {

std::string image_fixture(const std::string& name) {
  return test_support::read_file(test_support::fixture("images/" + name));
}

personalization::Schema photo_schema() {
  auto s =
      personalization::Schema::from_json(json::parse(R"({"type":"object","properties":{"photo":{
    "x-image":{"accept":["image/png","image/jpeg"],"max_bytes":50000,"min_width":800,"min_height":600,
               "print_width_mm":200,"print_height_mm":250,"min_dpi":150}}}})"));
  REQUIRE(s.ok());
  return *s;
}

}  // namespace

TEST_SUITE("image") {
  TEST_CASE("PNG and JPEG (baseline and progressive) sizes come from their headers") {
    auto png = image::read_image_header(image_fixture("photo-640x480.png"));
    REQUIRE(png.ok());
    CHECK(png->mime == "image/png");
    CHECK(png->width == 640);
    CHECK(png->height == 480);
    auto jpeg = image::read_image_header(image_fixture("photo-1200x900.jpg"));
    REQUIRE(jpeg.ok());
    CHECK(jpeg->mime == "image/jpeg");
    CHECK(jpeg->width == 1200);
    CHECK(jpeg->height == 900);
    auto progressive = image::read_image_header(image_fixture("progressive-2400x3000.jpg"));
    REQUIRE(progressive.ok());
    CHECK(progressive->width == 2400);
    CHECK(progressive->height == 3000);
  }

  TEST_CASE("the type is decided by content, never by name; broken files are typed errors") {
    CHECK(image::read_image_header("GIF89a....").error().code == "image.unsupported_type");
    CHECK(image::read_image_header("<svg xmlns=...>").error().code == "image.unsupported_type");
    CHECK(image::read_image_header("").error().code == "image.unsupported_type");
    const std::string png = image_fixture("photo-640x480.png");
    CHECK(image::read_image_header(png.substr(0, 20)).error().code == "image.truncated");
    const std::string jpeg = image_fixture("photo-1200x900.jpg");
    for (std::size_t cut : {3u, 4u, 10u, 30u, 100u}) {
      CAPTURE(cut);
      auto r = image::read_image_header(jpeg.substr(0, cut));
      REQUIRE_FALSE(r.ok());
      CHECK((r.error().code == "image.truncated" || r.error().code == "image.invalid"));
    }
    // A zero-length segment, an endless run of fill bytes: answered, never looping.
    CHECK(image::read_image_header(std::string("\xFF\xD8\xFF\xE0\x00\x00", 6)).error().code ==
          "image.invalid");
    CHECK(image::read_image_header(std::string("\xFF\xD8") + std::string(100000, '\xFF'))
              .error()
              .code == "image.truncated");
    std::string zero = png;
    zero[16] = zero[17] = zero[18] = zero[19] = 0;
    CHECK(image::read_image_header(zero).error().code == "image.invalid");
    // Every prefix of a real file is handled without crashing.
    for (std::size_t n = 0; n < 700 && n < jpeg.size(); ++n)
      (void)image::read_image_header(jpeg.substr(0, n));
  }

  TEST_CASE("print checks run before upload, with the personalization's paths") {
    const auto schema = photo_schema();
    auto small = image::read_image_header(image_fixture("photo-640x480.png"));
    auto report = image::check_image(schema, "photo", *small, 4000);
    REQUIRE(report.ok());
    std::vector<std::string> codes;
    for (const auto& i : report->issues) codes.push_back(i.instance_path + " " + i.code);
    CHECK(codes == std::vector<std::string>{"/photo image_min_pixels", "/photo image_min_dpi"});

    auto big = image::read_image_header(image_fixture("progressive-2400x3000.jpg"));
    auto ok = image::check_image(schema, "photo", *big, 46094);
    REQUIRE(ok.ok());
    CHECK(ok->valid());  // 2400 px over 200 mm = 304 dpi
    auto heavy = image::check_image(schema, "photo", *big, 60000);
    CHECK(heavy->issues.at(0).code == "image_too_large");
    CHECK(image::check_image(schema, "nope", *big, 1).error().code == "personalization.field");
  }

  TEST_CASE("the upload is one multipart part with a safe file name") {
    api::Config config;
    config.publishable_key = "pk";
    const api::Store<api::BuildOnly> store(&config, {});
    const std::string bytes = image_fixture("photo-1200x900.jpg");
    auto call = store.personalization.uploadImage("../../etc/evil\"\r\nX-Injected: 1.png", bytes);
    REQUIRE(call.ok());
    const auto& r = call->request;
    CHECK(r.method == "POST");
    CHECK(r.target == "/store/personalization/uploads");
    CHECK(r.headers.get("x-publishable-api-key") == std::optional<std::string>("pk"));
    const auto type = *r.headers.get("content-type");
    REQUIRE(type.rfind("multipart/form-data; boundary=", 0) == 0);
    const std::string boundary = type.substr(type.find('=') + 1);
    const std::string& body = *r.body;
    CHECK(body.rfind("--" + boundary + "\r\n", 0) == 0);
    CHECK(body.find("Content-Disposition: form-data; name=\"file\"; filename=\"evilX-Injected: "
                    "1.png\"\r\n") != std::string::npos);
    CHECK(body.find("Content-Type: image/jpeg\r\n\r\n") != std::string::npos);
    CHECK(body.find(bytes) != std::string::npos);
    CHECK(body.size() >= bytes.size() + 2 * boundary.size());
    CHECK(body.substr(body.size() - boundary.size() - 8) == "\r\n--" + boundary + "--\r\n");

    auto response = call->parse_response(
        {200,
         {},
         R"({"file":{"url":"http://127.0.0.1/u/1.jpg","mime":"image/jpeg","width":1200,"height":900,"bytes":7287}})"},
        config);
    REQUIRE(response.ok());
    CHECK(*response->file->width == 1200);

    CHECK(store.personalization.uploadImage("x.gif", "GIF89a").error().code ==
          "image.unsupported_type");
    auto too_big = store.personalization.uploadImage("x.jpg", bytes, {}, 1000);
    REQUIRE_FALSE(too_big.ok());
    CHECK(too_big.error().kind == ErrorKind::request_too_large);
    CHECK(too_big.error().code == "upload.too_large");
  }
}
