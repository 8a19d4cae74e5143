// slo-planner's service worker, written into dist/ by scripts/service-worker.py
// with this build's files. After one visit every page works with no network.
//
// - Install: every file of this build goes into a cache named after the
//   build (fetched past the HTTP cache, so the set is one build's).
// - Fetch: a GET for one of them is answered from that cache (a page's
//   address with ?page=... or #model=... as the page itself), anything else
//   from the network.
// - Update: a new build's worker installs beside the old one and waits
//   until no tab uses the old build (no skipWaiting), then removes the old
//   cache: a tab never mixes old and new files.
const BUILD = "__BUILD__";
const BASE = "__BASE__";
const FILES = __FILES__;
const CACHE = "slo-planner-" + BUILD;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(FILES.map((path) => new Request(BASE + path, { cache: "reload" })))
    )
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((names) =>
      Promise.all(
        names.filter((name) => name.startsWith("slo-planner-") && name !== CACHE).map((name) => caches.delete(name))
      )
    )
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  const page = request.mode === "navigate";
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: page }).then((hit) => hit || fetch(request))
    )
  );
});
