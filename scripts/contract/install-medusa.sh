# Sourced, from the repository's root: installs a real Medusa 2.21.2 (npm packages pinned
# by scripts/contract/app/package-lock.json, Debian's PostgreSQL, a fresh database
# $MEDUSA_DATABASE, medusa_contract by default) with the plugin (medusa-plugin/, built by
# `medusa plugin:build`) and the npm package installed from their packed tarballs, as
# users install them; migrates it and creates the admin user. Starts nothing but
# PostgreSQL. Used by scripts/contract/start-medusa.sh (one process) and
# scripts/production/cluster.sh (Redis, servers and a worker). Leaves: root, work, url,
# medusa_port, database, and PRINT_PORT / PRINT_WEBHOOK_SECRET / MEDUSA_PERSONALIZE_OPTIONS
# exported. Reuses installs: npm ci runs only when a lockfile is newer than its node_modules.
root=$PWD
work=${CONTRACT_WORK:-$root/build/contract}
medusa_port=${MEDUSA_PORT:-9000}
url="http://127.0.0.1:$medusa_port"
database=${MEDUSA_DATABASE:-medusa_contract}

bash scripts/setup.sh
missing=()
for p in postgresql python3 ${MEDUSA_EXTRA_PACKAGES:-}; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "contract: installing ${missing[*]}"
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

echo "== PostgreSQL"
cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
pg_ctlcluster $cluster start 2>/dev/null || true
su postgres -c "psql -qtc \"SELECT 1 FROM pg_roles WHERE rolname='medusa'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"CREATE USER medusa SUPERUSER PASSWORD 'medusa'\""
su postgres -c "dropdb --if-exists $database && createdb -O medusa $database"

echo "== the npm package and the plugin, packed"
export NODE_PATH=/usr/share/nodejs  # Debian's emscripten, should the module need building
packs="$work/packs"
rm -rf "$packs" && mkdir -p "$packs"
npm pack --silent --pack-destination "$packs" >/dev/null
(
  cd medusa-plugin
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
    npm ci --no-audit --no-fund --loglevel=error
    touch node_modules
  fi
  npx medusa plugin:build >"$packs/plugin-build.log" 2>&1 || { cat "$packs/plugin-build.log"; exit 1; }
  npm pack --silent --pack-destination "$packs" >/dev/null
)

echo "== Medusa 2.21.2 (npm ci from the lockfile) with the plugin"
mkdir -p "$work"
cp -p scripts/contract/app/package.json scripts/contract/app/package-lock.json scripts/contract/app/medusa-config.ts \
   scripts/contract/app/tsconfig.json "$work/"
cd "$work"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi
# Not saved to package.json: the lockfile stays Medusa's alone, and each run installs
# the tarballs just built.
npm install --no-save --no-audit --no-fund --loglevel=error ./packs/medusa-personalize-*.tgz ./packs/medusa-plugin-personalize-*.tgz
rm -rf static medusa.log  # files uploaded, and the log, of an earlier run
# The Medusa Admin with the plugin's widgets, served by `medusa start` from public/admin.
# Rebuilt only when the plugin's admin bundle or the app's packages changed.
if [ "${MEDUSA_ADMIN:-on}" != off ]; then
  admin_stamp=$(cat node_modules/medusa-plugin-personalize/.medusa/server/src/admin/index.mjs package-lock.json medusa-config.ts | sha256sum | cut -c1-16)
  if [ "$(cat public/admin/.built-from 2>/dev/null)" != "$admin_stamp" ]; then
    echo "== the Medusa Admin with the plugin's widgets (medusa build --admin-only)"
    npx medusa build --admin-only >admin-build.log 2>&1 || { tail -30 admin-build.log; exit 1; }
    rm -rf public/admin && mkdir -p public && mv .medusa/admin public/admin
    echo "$admin_stamp" >public/admin/.built-from
  fi
fi
if curl -sf "$url/health" >/dev/null 2>&1; then
  echo "contract: something already answers on $url; stop it first"; exit 1
fi
cat > .env <<ENV
DATABASE_URL=postgres://medusa:medusa@127.0.0.1:5432/$database
STORE_CORS=http://localhost:8000
ADMIN_CORS=http://localhost:9000
AUTH_CORS=http://localhost:9000
ENV
# The plugin's print jobs go to the print worker's port (started by the tests that need
# it; until then deliveries fail and are retried), every 2 s instead of every minute.
print_port=${PRINT_PORT:-$((medusa_port + 11))}
print_secret=whsec_$(head -c 32 /dev/urandom | base64)
export PRINT_PORT="$print_port" PRINT_WEBHOOK_SECRET="$print_secret"
export MEDUSA_PERSONALIZE_OPTIONS=${MEDUSA_PERSONALIZE_OPTIONS:-$(printf '{"uploads":{"maxBytes":2097152},"printJobs":{"url":"http://127.0.0.1:%s/hooks/medusa","secret":"%s","intervalSeconds":2,"timeoutSeconds":5,"retry":{"firstDelaySeconds":1,"maxDelaySeconds":4}}}' "$print_port" "$print_secret")}
npx medusa db:migrate >migrate.log 2>&1 || { tail -30 migrate.log; exit 1; }
npx medusa user -e admin@example.com -p supersecret >user.log 2>&1 || { tail -30 user.log; exit 1; }
cd "$root"
