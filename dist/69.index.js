export const id = 69;
export const ids = [69];
export const modules = {

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ ActionError),
/* harmony export */   u: () => (/* binding */ getErrorMessage)
/* harmony export */ });
/** The message of anything thrown, so that a thrown string or object still fails the step. */
function getErrorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error) ?? String(error);
    }
    catch {
        return String(error);
    }
}
/** An error whose message is meant for the user as it stands: no stack trace is printed. */
class ActionError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ActionError';
    }
}


/***/ }),

/***/ 9069:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(6058);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./src/inputs.ts




/** Reads and validates every input; throws an ActionError that names the bad value. */
function parseInputs(read) {
    return {
        command: parseCommand(read(constants/* Inputs */.G0.Command)),
        packerVersion: parseVersionSpec(read(constants/* Inputs */.G0.PackerVersion)),
        releasesUrl: parseReleasesUrl(read(constants/* Inputs */.G0.ReleasesUrl)),
        releasesSigningKey: read(constants/* Inputs */.G0.ReleasesSigningKey).trim()
    };
}
function getInputs() {
    return parseInputs((name) => core/* getInput */.V4(name));
}
function parseCommand(value) {
    const command = value.trim() || constants/* DEFAULT_COMMAND */.YT;
    if (!constants/* COMMANDS */.Lo.includes(command)) {
        throw new errors/* ActionError */.l(`Input '${constants/* Inputs */.G0.Command}' is '${command}'; expected one of: ${constants/* COMMANDS */.Lo.join(', ')}`);
    }
    return command;
}
function parseVersionSpec(value) {
    const spec = value.trim() || 'latest';
    if (spec.toLowerCase() === 'latest')
        return 'latest';
    const exact = semver_default().valid(semver_default().clean(spec) ?? '');
    if (exact)
        return exact;
    if (semver_default().validRange(spec))
        return spec;
    throw new errors/* ActionError */.l(`Input '${constants/* Inputs */.G0.PackerVersion}' is '${spec}'; expected 'latest', an exact version such as ` +
        `'1.11.2', or a semver range such as '~1.11', '1.x' or '>=1.10 <1.12'`);
}
function parseReleasesUrl(value) {
    const raw = value.trim() || constants/* DEFAULT_RELEASES_URL */.je;
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new errors/* ActionError */.l(`Input '${constants/* Inputs */.G0.ReleasesUrl}' is '${raw}'; expected an http(s) URL such as ${constants/* DEFAULT_RELEASES_URL */.je}`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new errors/* ActionError */.l(`Input '${constants/* Inputs */.G0.ReleasesUrl}' is '${raw}'; expected an http(s) URL, not ${url.protocol}`);
    }
    if (url.username || url.password) {
        throw new errors/* ActionError */.l(`Input '${constants/* Inputs */.G0.ReleasesUrl}' carries credentials; put them in a netrc or proxy setting instead`);
    }
    return url.toString().replace(/\/+$/, '');
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(9805);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
;// CONCATENATED MODULE: ./src/installer/download.ts








const DEFAULT_DOWNLOAD_OPTIONS = {
    attempts: 4,
    baseDelayMs: 1000,
    maxDelayMs: 10000,
    idleTimeoutMs: 30000,
    userAgent: 'packer-image-action'
};
/** An HTTP status that ends a download; retryable for 408, 429 and 5xx. */
class HttpStatusError extends errors/* ActionError */.l {
    url;
    status;
    retryAfterMs;
    constructor(url, status, retryAfterMs) {
        super(`GET ${url} answered HTTP ${status}`);
        this.url = url;
        this.status = status;
        this.retryAfterMs = retryAfterMs;
    }
}
/** A download stopped because another one failed, or the run was cancelled. */
class DownloadCancelled extends errors/* ActionError */.l {
    url;
    constructor(url) {
        super(`GET ${url} was cancelled`);
        this.url = url;
    }
}
function isRetryable(error) {
    if (error instanceof DownloadCancelled)
        return false;
    if (error instanceof HttpStatusError) {
        return error.status === 408 || error.status === 429 || error.status >= 500;
    }
    // Anything else here is the connection: refused, reset, timed out, or cut short.
    return true;
}
/** Milliseconds to wait before attempt `attempt + 1` (attempt counts from 1). */
function backoffDelay(attempt, options, retryAfterMs) {
    if (retryAfterMs !== undefined)
        return Math.min(retryAfterMs, options.maxDelayMs);
    const exponential = options.baseDelayMs * 2 ** (attempt - 1);
    const jitter = 0.8 + Math.random() * 0.4;
    return Math.min(Math.round(exponential * jitter), options.maxDelayMs);
}
function parseRetryAfter(value) {
    if (typeof value !== 'string')
        return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds) && seconds >= 0)
        return seconds * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function withRetries(url, options, cancelled, attempt) {
    for (let n = 1;; n++) {
        try {
            return await attempt();
        }
        catch (error) {
            if (cancelled())
                throw new DownloadCancelled(url);
            if (!isRetryable(error) || n >= options.attempts) {
                if (error instanceof HttpStatusError || n === 1)
                    throw error;
                throw new errors/* ActionError */.l(`GET ${url} failed after ${n} attempts: ${(0,errors/* getErrorMessage */.u)(error)}`);
            }
            const delay = backoffDelay(n, options, error instanceof HttpStatusError ? error.retryAfterMs : undefined);
            core/* info */.pq(`${(0,errors/* getErrorMessage */.u)(error)}; retrying in ${(delay / 1000).toFixed(1)} s ` +
                `(attempt ${n + 1} of ${options.attempts})`);
            await sleep(delay);
            if (cancelled())
                throw new DownloadCancelled(url);
        }
    }
}
/** Fails the body stream when no byte arrives for `ms`, and when it ends short of Content-Length. */
function guardBody(message, url, ms) {
    const expected = Number(message.headers['content-length'] ?? NaN);
    let received = 0;
    let timer;
    const fail = (error) => {
        message.destroy(error);
    };
    const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => fail(new Error(`no data from ${url} for ${ms / 1000} s`)), ms);
    };
    arm();
    return new external_node_stream_.Transform({
        transform(chunk, _encoding, callback) {
            received += chunk.length;
            arm();
            callback(null, chunk);
        },
        flush(callback) {
            clearTimeout(timer);
            if (Number.isFinite(expected) && received !== expected) {
                callback(new Error(`${url} ended after ${received} of ${expected} bytes`));
            }
            else
                callback();
        },
        destroy(error, callback) {
            clearTimeout(timer);
            callback(error);
        }
    });
}
async function download_open(client, url) {
    const response = await client.get(url);
    const status = response.message.statusCode ?? 0;
    if (status < 200 || status >= 300) {
        response.message.resume();
        throw new HttpStatusError(url, status, parseRetryAfter(response.message.headers['retry-after']));
    }
    return response.message;
}
function createClient(options) {
    return new lib/* HttpClient */.Qq(options.userAgent, [], {
        allowRetries: false,
        allowRedirects: true,
        maxRedirects: 5,
        socketTimeout: options.idleTimeoutMs,
        keepAlive: true
    });
}
class Downloader {
    options;
    client;
    active = new Set();
    disposed = false;
    constructor(options = DEFAULT_DOWNLOAD_OPTIONS) {
        this.options = options;
        this.client = createClient(options);
    }
    /** GETs a small file into memory. */
    async fetchBytes(url) {
        return withRetries(url, this.options, () => this.disposed, async () => {
            const message = this.track(await download_open(this.client, url));
            const chunks = [];
            await (0,external_node_stream_promises_.pipeline)(message, guardBody(message, url, this.options.idleTimeoutMs), async (source) => {
                for await (const chunk of source)
                    chunks.push(chunk);
            });
            return Buffer.concat(chunks);
        });
    }
    /** GETs a file to `dest`, hashing it on the way; returns its SHA-256 in hex. */
    async downloadFile(url, dest) {
        return withRetries(url, this.options, () => this.disposed, async () => {
            const message = this.track(await download_open(this.client, url));
            const hash = (0,external_node_crypto_.createHash)('sha256');
            const hasher = new external_node_stream_.Transform({
                transform(chunk, _encoding, callback) {
                    hash.update(chunk);
                    callback(null, chunk);
                }
            });
            try {
                await (0,external_node_stream_promises_.pipeline)(message, guardBody(message, url, this.options.idleTimeoutMs), hasher, (0,external_node_fs_.createWriteStream)(dest));
            }
            catch (error) {
                await (0,promises_.rm)(dest, { force: true });
                throw error;
            }
            return hash.digest('hex');
        });
    }
    track(message) {
        if (this.disposed) {
            message.destroy();
            throw new DownloadCancelled(message.url ?? '');
        }
        this.active.add(message);
        message.once('close', () => this.active.delete(message));
        return message;
    }
    /** Stops every download under way and closes the connections. */
    dispose() {
        this.disposed = true;
        for (const message of this.active)
            message.destroy(new Error('download cancelled'));
        this.client.dispose();
    }
}

;// CONCATENATED MODULE: ./src/installer/hashicorp-key.ts
// HashiCorp's release-signing public key, as published at https://www.hashicorp.com/security
// (fingerprint C874 011F 0AB4 0511 0D02  1055 3436 5D94 72D7 468F). Embedded in the bundle so
// that no key is fetched over the network at install time.
const HASHICORP_RELEASE_KEY_FINGERPRINT = 'C874011F0AB405110D02105534365D9472D7468F';
const HASHICORP_RELEASE_KEY = [
    '-----BEGIN PGP PUBLIC KEY BLOCK-----',
    '',
    'mQINBGB9+xkBEACabYZOWKmgZsHTdRDiyPJxhbuUiKX65GUWkyRMJKi/1dviVxOX',
    'PG6hBPtF48IFnVgxKpIb7G6NjBousAV+CuLlv5yqFKpOZEGC6sBV+Gx8Vu1CICpl',
    'Zm+HpQPcIzwBpN+Ar4l/exCG/f/MZq/oxGgH+TyRF3XcYDjG8dbJCpHO5nQ5Cy9h',
    'QIp3/Bh09kET6lk+4QlofNgHKVT2epV8iK1cXlbQe2tZtfCUtxk+pxvU0UHXp+AB',
    '0xc3/gIhjZp/dePmCOyQyGPJbp5bpO4UeAJ6frqhexmNlaw9Z897ltZmRLGq1p4a',
    'RnWL8FPkBz9SCSKXS8uNyV5oMNVn4G1obCkc106iWuKBTibffYQzq5TG8FYVJKrh',
    'RwWB6piacEB8hl20IIWSxIM3J9tT7CPSnk5RYYCTRHgA5OOrqZhC7JefudrP8n+M',
    'pxkDgNORDu7GCfAuisrf7dXYjLsxG4tu22DBJJC0c/IpRpXDnOuJN1Q5e/3VUKKW',
    'mypNumuQpP5lc1ZFG64TRzb1HR6oIdHfbrVQfdiQXpvdcFx+Fl57WuUraXRV6qfb',
    '4ZmKHX1JEwM/7tu21QE4F1dz0jroLSricZxfaCTHHWNfvGJoZ30/MZUrpSC0IfB3',
    'iQutxbZrwIlTBt+fGLtm3vDtwMFNWM+Rb1lrOxEQd2eijdxhvBOHtlIcswARAQAB',
    'tERIYXNoaUNvcnAgU2VjdXJpdHkgKGhhc2hpY29ycC5jb20vc2VjdXJpdHkpIDxz',
    'ZWN1cml0eUBoYXNoaWNvcnAuY29tPokCVAQTAQoAPgIbAwULCQgHAgYVCgkICwIE',
    'FgIDAQIeAQIXgBYhBMh0AR8KtAURDQIQVTQ2XZRy10aPBQJplkfQBQkQrOy3AAoJ',
    'EDQ2XZRy10aPw6gP/3GUEMUa6mCRuuSOT9UnziPIvXYd63mcN6A6Jwmwj8JaB2qu',
    'OCijvJkw56UbZK3x1FZIbe0hA6VUAwNSNmSIxVJkilgwIYYFO0tnL79XhIeP7jYF',
    'ydXLZ4rTi1FDl8lltAujTNARdY8UGg4hGlcM9OrEeXEFLWugJNiChL15FVoxZqIS',
    'jeduaEqyxGfJnyVwy8z3pZfgODeFr7xs2NkUIMSfuRg24VcL4aW8Frt3jW8P45y3',
    'o/5fsi6Aw2tZ0wD9NSgkVc8VD1NRV9eSZ95Bv+Awf9IXa+Cn5OCjc8Jc+XF+nLfB',
    'oPswOO7E8dLiuBUw6/GzSLMbVs8qf8BNXB92dOe1VccVTqjCxK2sEpVaHh7e+co8',
    'd8lDGBIWMGh7NS6XlGORpFb/T6gxjjOYUV3SKd4QDebUUG8kMkb5juLljOoq+YOP',
    'vgNLDZLZteFpmH+zB9DpOY1YtHZB/OD+DtzLMaSl6VPF2Ln0j5aQGwNDt7sheyAe',
    'sXbu0qn2H5FxojSfvhT0kUDKZ0mgg5y3Oflg49MiAOhjLGY0JocFpBeMILw27fbw',
    'fpIBP7siQWFTFJ1O+l2NQiWAwC2x5fX2EakyCBJmrkPV2hr4nEogNqg9/RDskIUq',
    'cpcOOd/0BntiXMyUCCH2AoCt5acaTQ0WU6CAosZPojOYhtGGgOgeQSdflpMSuQIN',
    'BGCAXCYBEADW6RNrZVGNXvHVBqSiOWaxl1XOiEoiHPt50Aijt25yXbG+0kHIFSoR',
    '+1g6Lh20JTCChgfQkGGjzQvEuG1HTw07YhsvLc0pkjNMfu6gJqFox/ogc53mz69O',
    'xXauzUQ/TZ27GDVpUBu+EhDKt1s3OtA6Bjz/csop/Um7gT0+ivHyvJ/jGdnPEZv8',
    'tNuSE/Uo+hn/Q9hg8SbveZzo3C+U4KcabCESEFl8Gq6aRi9vAfa65oxD5jKaIz7c',
    'y+pwb0lizqlW7H9tQlr3dBfdIcdzgR55hTFC5/XrcwJ6/nHVH/xGskEasnfCQX8R',
    'YKMuy0UADJy72TkZbYaCx+XXIcVB8GTOmJVoAhrTSSVLAZspfCnjwnSxisDn3Zzs',
    'Yrq3cV6sU8b+QlIX7VAjurE+5cZiVlaxgCjyhKqlGgmonnReWOBacCgL/UvuwMmM',
    'p5TTLmiLXLT7uxeGojEyoCk4sMrqrU1jevHyGlDJH9Taux15GILDwnYFfAvPF9WC',
    'id4UZ4Ouwjcaxfys3LxNiZIlUsXNKwS3mhiMRL4TRsbs4k4QE+LIMOsauIvcvm8/',
    'frydvQ/kUwIhVTH80XGOH909bYtJvY3fudK7ShIwm7ZFTduBJUG473E/Fn3VkhTm',
    'BX6+PjOC50HR/HybwaRCzfDruMe3TAcE/tSP5CUOb9C7+P+hPzQcDwARAQABiQRy',
    'BBgBCgAmAhsCFiEEyHQBHwq0BRENAhBVNDZdlHLXRo8FAmmWSAoFCRCqi+QCQMF0',
    'IAQZAQoAHRYhBDdOx1tIWRNgSoMcx8ggxtXNJ6uHBQJggFwmAAoJEMggxtXNJ6uH',
    'RfAP/2CGdSyg0K7U66Vygl0dugxrMm8O3/Oe211BKdQsFUSWAznOTRTK/zvMUHO4',
    'LJAlYvdtZ6xDa4XHl9FYQ8MR9ZV0OuOlAZvU4IJDLPVCU09X/UzX/GEoZL0R5esv',
    'wPAXopMaRHCfXJeI/gEaB94UhAeYlwpcRn0eSuk1vyZx7GRE6/hog8DCf4hoT40d',
    'W20gGe58xcvJ+mRYlC0lr16WH08wuUcee6+dgu+4Cg6SG6+zt9cMyl8VnTUL5BK/',
    'V3MebnYZJK0RFDNnnXDhzStgOd5gOeIL+xBPXHd0/ld/rDM74SFExpuS+hNsyo+x',
    'MQ/HJavak21MFinul9COwfGEmlAXTGMY30Lf3Pt/eAkbwgmGc966VSoRmOFEXJVl',
    'Dr+yJR6ru+7j50z8lAv6Lsop7sun1Qysbo0swf6W1qgPf6VWbx91NTFLkw0+gD8j',
    'xwrU5ZMkeSuntX9dpjuZS29CflXXIRPlvhuiDPicwTpYuIUx37vHveAH5gnowZg2',
    '47x780Urrsx8duTX8CI9MAnqzm4dFAiRlwE8bvLk+l9wekiXA9gIMZiVNqNlduXI',
    'qvAG21Wdgq8qyeXKy/XWCVKDQOmEbFAltfNam8E3KEw0fl199x+93d5ckDGcPzUY',
    'PbNkCuIwngC/ZN96pDafF3Z12fSNfhZUe0C8td8KAszYa96GCRA0Nl2UctdGj1gK',
    'D/4jOGhEGTg88VyuPVjeK+zkwrTIZSvHdUHfTt/+rTLSNb/RQiBCUQuEZvafj6Fr',
    'ntS7bAEhccGqH894T3St5K0AXWkvsLd6K+cbIQdlnFA2zb6geJUCk6qx5NgWpRc3',
    'i0DS7CheGwl+Bwu7+n9pNjNjiHV+rYDgqbQXG0dtGysB0/3qIRgEDHFO0HJu/dct',
    'e4oXrQIqrZrpOwe8WxqFqdU918JpSUcc8coiFp9YtwpgqQNxGVZ+rhgnTGdZzk1f',
    '/Yhhimh+2B0ReaFvk3UzVBj3HQ9C6+Ot3MyDEhSgdhjr9e25Tm9S5YfhwtWmghRw',
    '9RKPyLMSXSxm/Uc0mK1NucAp8TQBwKqKzNpCk5IdrBSWRUbjOoOFyzyCsY6gS285',
    'GCpSIzI39hTf+3gdwYPlE6fj+F2TZzdhx62DPnzBzBHnByYTVdJ649bx0FFp4Q+5',
    'TbIWtxu/AQkRDxmWNQfE+6GgeshlrhXWsh6+PGDzt+2raG6zUT913sdz7Ctw4fLj',
    'msKOTdTz3Xa9pr8lxfI/JuukSgt9o/n3GirhTB3zE1w/I/Xt6k7oASiP3zQSuHtB',
    '/CYKYHDtOCWwjo7JPEGtb/FkreKNxsk/p20jnlrB8WZxxswdr2Vri9NmFeyMDVX7',
    'qF3WqT+8aCV9GtS1GCHx/5nGBdDwoxEsXqpI3IUqPb6FDg==',
    '=bov7',
    '-----END PGP PUBLIC KEY BLOCK-----'
].join('\n');

;// CONCATENATED MODULE: ./src/installer/platform.ts

const OS_NAMES = {
    linux: 'linux',
    darwin: 'darwin',
    win32: 'windows',
    freebsd: 'freebsd',
    openbsd: 'openbsd'
};
const ARCH_NAMES = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm',
    ia32: '386'
};
/** Maps Node's `process.platform` / `process.arch` to HashiCorp's names. */
function releasePlatform(platform, arch) {
    const os = OS_NAMES[platform];
    const releaseArch = ARCH_NAMES[arch];
    if (!os || !releaseArch) {
        throw new errors/* ActionError */.l(`Packer has no release for this runner (${platform}/${arch}); HashiCorp publishes ` +
            `${Object.values(OS_NAMES).join(', ')} on ${Object.values(ARCH_NAMES).join(', ')}`);
    }
    return { os, arch: releaseArch };
}
function binaryName(platform) {
    return platform.os === 'windows' ? 'packer.exe' : 'packer';
}

;// CONCATENATED MODULE: ./src/installer/releases.ts


const SAFE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
function fileName(value, what) {
    if (typeof value !== 'string' || !SAFE_FILE_NAME.test(value)) {
        throw new errors/* ActionError */.l(`index.json has an unusable ${what}: ${JSON.stringify(value)}`);
    }
    return value;
}
/**
 * Reads `<releases-url>/<product>/index.json` as HashiCorp's release server writes it. Entries whose
 * version is not semver are skipped; file names must be plain names (no path), since every URL is
 * built from the configured base rather than from the absolute `url` fields a mirror copies unchanged.
 */
function parseIndex(document) {
    const versions = document?.versions;
    if (typeof versions !== 'object' || versions === null) {
        throw new errors/* ActionError */.l('index.json has no "versions" object');
    }
    const index = new Map();
    for (const [key, raw] of Object.entries(versions)) {
        const entry = raw;
        const version = semver_default().valid(typeof entry?.version === 'string' ? entry.version : key);
        if (!version)
            continue;
        const signatures = Array.isArray(entry.shasums_signatures)
            ? entry.shasums_signatures
            : entry.shasums_signature
                ? [entry.shasums_signature]
                : [];
        index.set(version, {
            version,
            shasums: fileName(entry.shasums ?? `packer_${version}_SHA256SUMS`, 'shasums file name'),
            shasumsSignatures: signatures.map((s) => fileName(s, 'signature file name')),
            builds: (Array.isArray(entry.builds) ? entry.builds : []).map((b) => ({
                os: String(b.os),
                arch: String(b.arch),
                filename: fileName(b.filename, 'build file name')
            }))
        });
    }
    return index;
}
function newest(versions, count) {
    const list = semver_default().rsort([...versions]).slice(0, count);
    return list.join(', ') + (versions.length > count ? `, … (${versions.length} in all)` : '');
}
/**
 * Resolves `latest`, an exact version or a semver range against the versions that exist.
 * `latest` and ranges never pick a prerelease; an exact prerelease may be asked for by name.
 */
function resolveVersion(available, spec, source) {
    const versions = [...available];
    const stable = versions.filter((v) => semver_default().prerelease(v) === null);
    if (versions.length === 0) {
        throw new errors/* ActionError */.l(`${source} lists no Packer versions`);
    }
    if (spec === 'latest') {
        const latest = semver_default().maxSatisfying(stable, '*');
        if (!latest)
            throw new errors/* ActionError */.l(`${source} lists no stable Packer release`);
        return latest;
    }
    const exact = semver_default().valid(spec);
    if (exact) {
        const found = versions.find((v) => semver_default().eq(v, exact));
        if (!found) {
            throw new errors/* ActionError */.l(`Packer version '${spec}' does not exist in ${source}; the newest releases are ${newest(stable, 8)}`);
        }
        return found;
    }
    const match = semver_default().maxSatisfying(stable, spec);
    if (!match) {
        throw new errors/* ActionError */.l(`No Packer release satisfies '${spec}' in ${source}; the newest releases are ${newest(stable, 8)}`);
    }
    return match;
}
function selectBuild(release, platform) {
    const build = release.builds.find((b) => b.os === platform.os && b.arch === platform.arch);
    if (!build) {
        const offered = release.builds.map((b) => `${b.os}/${b.arch}`).join(', ') || 'none';
        throw new errors/* ActionError */.l(`Packer ${release.version} has no build for ${platform.os}/${platform.arch}; it is released for: ${offered}`);
    }
    return build;
}
/**
 * Chooses the signature file to check: one named for a trusted key (`..._SHA256SUMS.72D7468F.sig`)
 * when the release lists one, else the generic `.sig`.
 */
function selectSignatureFile(release, trustedKeyIds) {
    const ids = trustedKeyIds.map((id) => id.slice(-8).toUpperCase());
    const named = release.shasumsSignatures.find((name) => ids.some((id) => name.toUpperCase().endsWith(`.${id}.SIG`)));
    if (named)
        return named;
    const generic = `${release.shasums}.sig`;
    if (release.shasumsSignatures.includes(generic) || release.shasumsSignatures.length === 0) {
        return generic;
    }
    return release.shasumsSignatures[0];
}
function indexUrl(base, product) {
    return `${base}/${product}/index.json`;
}
function releaseFileUrl(base, product, version, name) {
    return `${base}/${product}/${encodeURIComponent(version)}/${name}`;
}

;// CONCATENATED MODULE: ./src/installer/install.ts











function cachedBinary(version, request) {
    const dir = tool_cache/* find */.I6(constants/* TOOL_NAME */.lH, version, request.cacheArch);
    return dir ? external_node_path_.join(dir, binaryName(request.platform)) : undefined;
}
/**
 * Installs Packer: resolve the version, use the tool cache when it has it, otherwise download the
 * release over the configured base URL, check the OpenPGP signature of its SHA256SUMS and the zip's
 * checksum, and only then extract it into the tool cache. An exact version found in the tool cache
 * costs no network request.
 */
async function installPacker(request) {
    if (request.versionSpec !== 'latest' && /^\d+\.\d+\.\d+(-[\w.]+)?$/.test(request.versionSpec)) {
        const binary = cachedBinary(request.versionSpec, request);
        if (binary)
            return { version: request.versionSpec, binary, fromCache: true };
    }
    const downloader = new Downloader(request.download ?? DEFAULT_DOWNLOAD_OPTIONS);
    try {
        const url = indexUrl(request.releasesUrl, constants/* TOOL_NAME */.lH);
        const release = await core/* group */.Os(`Resolve Packer ${request.versionSpec}`, async () => {
            core/* info */.pq(`Reading ${url}`);
            let body;
            try {
                body = await downloader.fetchBytes(url);
            }
            catch (error) {
                if (error instanceof HttpStatusError && error.status === 404) {
                    throw new errors/* ActionError */.l(`${url} answered HTTP 404: is releases-url '${request.releasesUrl}' a release server?`);
                }
                throw error;
            }
            let document;
            try {
                document = JSON.parse(body.toString('utf8'));
            }
            catch {
                throw new errors/* ActionError */.l(`${url} is not JSON`);
            }
            const index = parseIndex(document);
            const version = resolveVersion(index.keys(), request.versionSpec, url);
            core/* info */.pq(`Packer ${request.versionSpec} resolves to ${version}`);
            return index.get(version);
        });
        const binary = cachedBinary(release.version, request);
        if (binary) {
            core/* info */.pq(`Packer ${release.version} is in the tool cache`);
            return { version: release.version, binary, fromCache: true };
        }
        const build = selectBuild(release, request.platform);
        return await downloadAndCache(downloader, request, release.version, build.filename, release);
    }
    finally {
        downloader.dispose();
    }
}
async function downloadAndCache(downloader, request, version, zipName, release) {
    const { readTrustedKeys, verifyDetachedSignature, parseSha256Sums, expectedSha256, formatFingerprint } = await Promise.all(/* import() */[__webpack_require__.e(74), __webpack_require__.e(227)]).then(__webpack_require__.bind(__webpack_require__, 3227));
    const trusted = await readTrustedKeys(request.signingKey || HASHICORP_RELEASE_KEY, request.signingKey
        ? 'the releases-signing-key'
        : `HashiCorp's release key ${formatFingerprint(HASHICORP_RELEASE_KEY_FINGERPRINT)}`);
    const keyIds = trusted.keys.map((k) => k.getFingerprint());
    const sigName = selectSignatureFile(release, keyIds);
    const fileUrl = (name) => releaseFileUrl(request.releasesUrl, constants/* TOOL_NAME */.lH, version, name);
    const platform = `${request.platform.os}/${request.platform.arch}`;
    const temp = await (0,promises_.mkdtemp)(external_node_path_.join(runnerTemp(), 'packer-download-'));
    try {
        const zipPath = external_node_path_.join(temp, zipName);
        const [sums, signature, zipHash] = await core/* group */.Os(`Download Packer ${version} for ${platform}`, () => {
            for (const name of [release.shasums, sigName, zipName])
                core/* info */.pq(fileUrl(name));
            const missing = (name) => (error) => {
                if (error instanceof HttpStatusError && error.status === 404) {
                    throw new errors/* ActionError */.l(`Packer ${version} for ${platform}: ${name} is missing (HTTP 404 at ${error.url})`);
                }
                throw error;
            };
            // The first failure stops the other downloads rather than letting them run on.
            return Promise.all([
                downloader.fetchBytes(fileUrl(release.shasums)).catch(missing(release.shasums)),
                downloader.fetchBytes(fileUrl(sigName)).catch(missing(sigName)),
                downloader.downloadFile(fileUrl(zipName), zipPath).catch(missing(zipName))
            ]).catch((error) => {
                downloader.dispose();
                throw error;
            });
        });
        await core/* group */.Os('Verify the download', async () => {
            const check = await verifyDetachedSignature(sums, signature, trusted, release.shasums);
            core/* info */.pq(`${release.shasums}: good signature by ${formatFingerprint(check.signingKeyFingerprint)}` +
                (check.signingKeyFingerprint === check.primaryFingerprint
                    ? ''
                    : ` (subkey of ${formatFingerprint(check.primaryFingerprint)})`));
            const expected = expectedSha256(parseSha256Sums(sums.toString('utf8')), zipName, release.shasums);
            if (expected !== zipHash) {
                throw new errors/* ActionError */.l(`${zipName} does not match ${release.shasums}: its SHA-256 is ${zipHash}, ` +
                    `the signed checksum is ${expected}`);
            }
            core/* info */.pq(`${zipName}: SHA-256 ${zipHash} matches`);
        });
        const binary = await core/* group */.Os(`Extract Packer ${version}`, () => extractIntoToolCache(zipPath, version, request));
        return { version, binary, fromCache: false };
    }
    finally {
        await (0,promises_.rm)(temp, { recursive: true, force: true });
    }
}
function runnerTemp() {
    const dir = process.env.RUNNER_TEMP;
    if (!dir)
        throw new errors/* ActionError */.l('RUNNER_TEMP is not set: is this running on a GitHub Actions runner?');
    return dir;
}
function toolCacheRoot() {
    const dir = process.env.RUNNER_TOOL_CACHE;
    if (!dir)
        throw new errors/* ActionError */.l('RUNNER_TOOL_CACHE is not set: is this running on a GitHub Actions runner?');
    return dir;
}
/**
 * Extracts a verified zip into the tool cache, in the layout `@actions/tool-cache` reads
 * (`<root>/packer/<version>/<arch>` plus an `<arch>.complete` marker). It extracts next to its final
 * place and renames it there, rather than extracting and copying as `tc.cacheDir` would, which
 * would write the 100 MB binary twice. On any failure nothing is left behind.
 */
async function extractIntoToolCache(zipPath, version, request) {
    const toolRoot = external_node_path_.join(toolCacheRoot(), constants/* TOOL_NAME */.lH);
    const versionDir = external_node_path_.join(toolRoot, version);
    const finalDir = external_node_path_.join(versionDir, request.cacheArch);
    const staging = external_node_path_.join(toolRoot, `.staging-${version}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
    const name = binaryName(request.platform);
    let placed = false;
    try {
        await (0,promises_.mkdir)(staging, { recursive: true });
        await tool_cache/* extractZip */.JE(zipPath, staging);
        const binary = external_node_path_.join(staging, name);
        const info = await (0,promises_.stat)(binary).catch(() => undefined);
        if (!info?.isFile()) {
            const entries = await (0,promises_.readdir)(staging);
            throw new errors/* ActionError */.l(`${external_node_path_.basename(zipPath)} has no '${name}' at its top level (it holds: ${entries.join(', ') || 'nothing'})`);
        }
        if (request.platform.os !== 'windows')
            await (0,promises_.chmod)(binary, 0o755);
        await (0,promises_.rm)(finalDir, { recursive: true, force: true });
        await (0,promises_.mkdir)(versionDir, { recursive: true });
        await (0,promises_.rename)(staging, finalDir);
        placed = true;
        await (0,promises_.writeFile)(`${finalDir}.complete`, '');
        core/* info */.pq(`Packer ${version} is in the tool cache at ${finalDir}`);
        return external_node_path_.join(finalDir, name);
    }
    catch (error) {
        await (0,promises_.rm)(staging, { recursive: true, force: true });
        if (placed)
            await (0,promises_.rm)(finalDir, { recursive: true, force: true });
        for (const dir of [versionDir, toolRoot])
            await (0,promises_.rmdir)(dir).catch(() => undefined);
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/main.ts







/** The action's main step. The one place that fails the step. */
async function run() {
    try {
        const inputs = getInputs();
        const installation = await installPacker({
            versionSpec: inputs.packerVersion,
            releasesUrl: inputs.releasesUrl,
            signingKey: inputs.releasesSigningKey,
            platform: releasePlatform(process.platform, process.arch),
            cacheArch: process.arch
        });
        if (installation.fromCache) {
            core/* info */.pq(`Packer ${installation.version} from the tool cache: ${installation.binary}`);
        }
        core/* addPath */.fM(external_node_path_.dirname(installation.binary));
        core/* setOutput */.uH(constants/* Outputs */.tY.PackerVersion, installation.version);
        core/* setOutput */.uH(constants/* Outputs */.tY.PackerPath, installation.binary);
    }
    catch (error) {
        core/* setFailed */.C1((0,errors/* getErrorMessage */.u)(error));
    }
}


/***/ })

};
