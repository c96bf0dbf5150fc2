# Sourced by scripts/contract/run.sh, bench/plugin.sh and scripts/demo.sh --medusa, from
# the repository's root: installs Medusa 2.21.2 with the plugin and the npm package
# (scripts/contract/install-medusa.sh), starts one `medusa start` on a fresh database and
# seeds it by replaying the Admin calls recorded in tests/fixtures/medusa-v2-traces
# (001-020), then saves the T-shirt's schema.
# Leaves: Medusa running (stopped on exit: medusa_down), url, key, region, location, work, and the
# variables tests/contract reads exported.
source scripts/contract/install-medusa.sh
source "$root/scripts/contract/medusa-process.sh"
trap medusa_down EXIT
medusa_up

echo "== seed (replaying traces 001-020)"
seed=$(python3 scripts/contract/seed.py "$url")
key=$(echo "$seed" | python3 -c 'import json,sys; print(json.load(sys.stdin)["publishable_key"])')
location=$(echo "$seed" | python3 -c 'import json,sys; print(json.load(sys.stdin)["location_id"])')
region=$(echo "$seed" | python3 -c 'import json,sys; print(json.load(sys.stdin)["region_id"])')
export MEDUSA_URL="$url" PUBLISHABLE_KEY="$key" REGION_ID="$region" CONTRACT_APP="$work" \
       DATABASE_URL=postgres://medusa:medusa@127.0.0.1:5432/$database
# The T-shirt gets the mock backend's schema (message, font, colour, photo), saved
# through the Admin API, where the plugin checks that it compiles.
node --input-type=module -e "import { shirtWithSchema } from '$root/tests/contract/helpers.mjs'; await shirtWithSchema()"

