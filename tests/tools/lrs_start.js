// Starts Learning Locker's xAPI statement service (npm: xapi-statements) for
// the tests, on 127.0.0.1 only, with its data in memory.
//
//   node lrs_start.js MODULE_DIR PORT PORT_FILE KEY SECRET [FAIL_FIRST RETRY_AFTER]
//
// PORT 0 picks a free port; the port is written to PORT_FILE once the
// service listens. xapi-statements asks an auth service for the client
// behind each request's Authorization header (AUTH_REPO=fetch, as in a
// Learning Locker install): this script runs that service too, on another
// loopback port, knowing two clients: KEY:SECRET, allowed everything, and
// readonly:readonly, allowed to read statements only. Any other credentials
// get 404 from it, which xapi-statements answers with 401.
//
// With FAIL_FIRST > 0, the port named is a proxy in front of the service
// that answers the first FAIL_FIRST POSTs with 503 and Retry-After:
// RETRY_AFTER seconds, and passes everything else through.
"use strict";
const http = require("http");
const fs = require("fs");
const path = require("path");

const [dir, portArg, portFile, key, secret, failArg, retryArg] = process.argv.slice(2);
let failFirst = Number(failArg || 0);
const retryAfter = String(retryArg || 1);

// Every server this process starts listens on the loopback address only.
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (port, ...rest) {
    const cb = rest.find((f) => typeof f === "function");
    return listen.call(this, Number(port), "127.0.0.1", cb);
};

const client = (scopes) => ({
    _id: "58fe13e34effd3c26a7fc4b7", title: "Rapport tests", isTrusted: true,
    authority: { objectType: "Agent", mbox: "mailto:rapport-tests@example.org" },
    lrs_id: "58fe13e34effd3c26a7fc4b7", organisation: "58fe13e34effd3c26a7fc4b6", scopes,
});
const basic = (u, p) => "Basic " + Buffer.from(u + ":" + p).toString("base64");

const auth = http.createServer((req, res) => {
    const given = req.headers.authorization || "";
    let body = null;
    if (given === basic(key, secret)) body = client(["all"]);
    else if (given === basic("readonly", "readonly")) body = client(["statements/read"]);
    res.writeHead(body ? 200 : 404, { "Content-Type": "application/json" });
    res.end(JSON.stringify(body || {}));
});

auth.listen(0, () => {
    process.env.LL_CLIENT_INFO_ENDPOINT = `http://127.0.0.1:${auth.address().port}/auth/client/info`;
    const publicPort = Number(portArg);
    if (failFirst > 0) {
        process.env.EXPRESS_PORT = "0";
        startService(() => {
            // the service listens on a free port; find it from the server list
            const inner = servers.find((s) => s !== auth).address().port;
            const proxy = http.createServer((req, res) => {
                if (req.method === "POST" && failFirst > 0) {
                    failFirst--;
                    req.resume();
                    res.writeHead(503, { "Retry-After": retryAfter, "Content-Type": "application/json" });
                    res.end('{"message":"busy (test proxy)"}');
                    return;
                }
                const up = http.request({ host: "127.0.0.1", port: inner, path: req.url, method: req.method,
                                          headers: req.headers }, (r) => {
                    res.writeHead(r.statusCode, r.headers);
                    r.pipe(res);
                });
                up.on("error", () => { res.writeHead(502); res.end(); });
                req.pipe(up);
            });
            proxy.listen(publicPort, () => ready(proxy.address().port));
        });
    } else {
        process.env.EXPRESS_PORT = String(publicPort);
        startService(() => ready(servers.find((s) => s !== auth).address().port));
    }
});

// xapi-statements calls app.listen() itself: note each server it starts.
const servers = [auth];
function startService(then) {
    const orig = http.Server.prototype.listen;
    http.Server.prototype.listen = function (...args) {
        http.Server.prototype.listen = orig;          /* only the service's own server */
        servers.push(this);
        const cb = args.find((f) => typeof f === "function");
        const rest = args.filter((f) => typeof f !== "function");
        return orig.call(this, ...rest, () => { if (cb) cb(); then(); });
    };
    require(path.join(dir, "dist", "index.js"));
}

function ready(port) {
    fs.writeFileSync(portFile + ".tmp", String(port));
    fs.renameSync(portFile + ".tmp", portFile);
}
