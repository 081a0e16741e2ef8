export const id = 926;
export const ids = [926];
export const modules = {

/***/ 92926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  installOfficialPlugins: () => (/* binding */ installOfficialPlugins)
});

// UNUSED EXPORTS: installedPluginVersions, officialPluginFolder

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(59805);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/installer/download.ts
var download = __webpack_require__(22754);
;// CONCATENATED MODULE: ./src/installer/plugin-versions.ts
/**
 * Pure rules for official plugins: which `required_plugins` entries are HashiCorp's, how Packer's
 * version constraints read (hashicorp/go-version, not npm's semver), and the file names Packer
 * gives an installed plugin and looks for when it loads one.
 */

/**
 * The plugin name of an official HashiCorp source (`github.com/hashicorp/amazon` gives `amazon`),
 * or undefined for any other source. Packer lower-cases the host and namespace.
 */
function officialPluginName(source) {
    const match = /^github\.com\/hashicorp\/([a-z0-9][a-z0-9-]*)$/i.exec(source.trim());
    if (!match)
        return undefined;
    const name = match[1].toLowerCase();
    return name.startsWith('packer-plugin-') ? undefined : name;
}
const VERSION = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
function parseVersion(text) {
    const match = VERSION.exec(text.trim());
    if (!match)
        return undefined;
    const parts = [match[1], match[2], match[3]];
    return {
        segments: parts.map((p) => Number(p ?? 0)),
        written: parts.filter((p) => p !== undefined).length,
        prerelease: match[4] ?? ''
    };
}
function compare(a, b) {
    for (let i = 0; i < 3; i++) {
        if (a.segments[i] !== b.segments[i])
            return a.segments[i] < b.segments[i] ? -1 : 1;
    }
    if (a.prerelease === b.prerelease)
        return 0;
    if (!a.prerelease)
        return 1;
    if (!b.prerelease)
        return -1;
    return a.prerelease < b.prerelease ? -1 : 1;
}
const OPERATORS = {
    '': (c) => (v) => compare(v, c) === 0,
    '=': (c) => (v) => compare(v, c) === 0,
    '!=': (c) => (v) => compare(v, c) !== 0,
    '>': (c) => (v) => compare(v, c) > 0,
    '<': (c) => (v) => compare(v, c) < 0,
    '>=': (c) => (v) => compare(v, c) >= 0,
    '<=': (c) => (v) => compare(v, c) <= 0,
    // go-version's pessimistic operator: every written segment but the last must match, and the
    // last must be at least the constraint's (`~> 1.2` is >= 1.2, < 2; `~> 1.2.3` is >= 1.2.3, < 1.3).
    '~>': (c) => (v) => {
        if (compare(v, c) < 0)
            return false;
        for (let i = 0; i < c.written - 1; i++)
            if (v.segments[i] !== c.segments[i])
                return false;
        return true;
    }
};
/**
 * Parses a Packer version constraint (`>= 1.2.0, < 2`, `~> 1.2`, `1.2.9`), as go-version does:
 * comma-separated, every part must hold. Throws an error naming the constraint when it is not one.
 */
function parseConstraint(constraint, what) {
    const checks = [];
    const parts = constraint.trim() === '' ? [] : constraint.split(',');
    for (const part of parts) {
        const match = /^\s*(~>|>=|<=|!=|=|>|<)?\s*(\S+)\s*$/.exec(part);
        const version = match ? parseVersion(match[2]) : undefined;
        if (!match || !version) {
            throw new errors/* ActionError */.lZ(`${what}: version constraint '${constraint}' is not one Packer reads ` +
                `(for example '>= 1.2.0', '~> 1.2' or '1.2.9')`);
        }
        checks.push(OPERATORS[match[1] ?? ''](version));
    }
    return (text) => {
        const version = parseVersion(text);
        return version !== undefined && checks.every((check) => check(version));
    };
}
/** Orders version strings newest first; strings that are not versions are left out. */
function newestFirst(versions) {
    return versions
        .map((text) => ({ text, version: parseVersion(text) }))
        .filter((v) => v.version !== undefined)
        .sort((a, b) => compare(b.version, a.version))
        .map((v) => v.text);
}
/**
 * The newest release (no prerelease) that satisfies the constraint. The error names the plugin,
 * the constraint and what the index offers.
 */
function resolvePluginVersion(available, constraint, plugin, source) {
    const satisfies = parseConstraint(constraint, plugin);
    const releases = newestFirst([...available]).filter((v) => !parseVersion(v).prerelease);
    const match = releases.find(satisfies);
    if (match)
        return match;
    const offered = releases.length
        ? releases.slice(0, 8).join(', ') +
            (releases.length > 8 ? `, … (${releases.length} in all)` : '')
        : 'no release';
    throw new errors/* ActionError */.lZ(`No release of ${plugin} satisfies '${constraint || '(any version)'}' in ${source}; ` +
        `it offers ${offered}`);
}
/**
 * The name Packer gives an installed plugin binary and looks for when it loads one, the same from
 * Packer 1.7 through 1.16: `packer-plugin-amazon_v1.2.9_x5.0_linux_amd64` (`.exe` on Windows),
 * beside a `<name>_SHA256SUM` file holding the binary's SHA-256 in hex.
 */
function installedPluginFileName(name, version, protocol, platform) {
    const ext = platform.os === 'windows' ? '.exe' : '';
    return `packer-plugin-${name}_v${version}_x${protocol}_${platform.os}_${platform.arch}${ext}`;
}
/** The version and protocol in an installed plugin's file name, or undefined when it is not one. */
function parseInstalledPluginFileName(file, name, platform) {
    const ext = platform.os === 'windows' ? '.exe' : '';
    const prefix = `packer-plugin-${name}_v`;
    const suffix = `_${platform.os}_${platform.arch}${ext}`;
    if (!file.startsWith(prefix) || !file.endsWith(suffix))
        return undefined;
    const match = /^(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)_x(\d+\.\d+)$/.exec(file.slice(prefix.length, file.length - suffix.length));
    return match ? { version: match[1], protocol: match[2] } : undefined;
}
/** The protocol version in a release's `_manifest.json` (`{"metadata":{"protocol_version":"5.0"}}`). */
function manifestProtocol(document, what) {
    const protocol = document?.metadata
        ?.protocol_version;
    if (typeof protocol !== 'string' || !/^\d+\.\d+$/.test(protocol)) {
        throw new errors/* ActionError */.lZ(`${what} has no usable metadata.protocol_version (found ${JSON.stringify(protocol ?? null)})`);
    }
    return protocol;
}
/**
 * Checks what the plugin binary says of itself (`describe`) against what it was installed as:
 * Packer 1.11 and later ignore a plugin whose reported version or API version differs from its
 * file name, so such a binary is refused here rather than left for Packer to skip.
 */
function checkDescribe(output, expected, what) {
    let described;
    try {
        described = JSON.parse(output);
    }
    catch {
        throw new errors/* ActionError */.lZ(`${what}: 'describe' did not print JSON`);
    }
    const version = typeof described.version === 'string' ? described.version : '';
    const api = typeof described.api_version === 'string' ? described.api_version : '';
    const same = parseVersion(version) && compare(parseVersion(version), parseVersion(expected.version)) === 0;
    if (!same || api !== `x${expected.protocol}`) {
        throw new errors/* ActionError */.lZ(`${what} describes itself as version '${version}' with API '${api}', ` +
            `but the release is ${expected.version} with API x${expected.protocol}`);
    }
}

// EXTERNAL MODULE: ./src/installer/release-files.ts + 1 modules
var release_files = __webpack_require__(33085);
// EXTERNAL MODULE: ./src/installer/releases.ts
var releases = __webpack_require__(69276);
;// CONCATENATED MODULE: ./src/installer/install-plugins.ts
/**
 * Installs official HashiCorp plugins (`github.com/hashicorp/<name>` sources) from releases-url
 * through the same verified path as Packer itself, into the plugin directory under the names Packer
 * loads, so that `packer init` finds them installed and fetches nothing. Packer's own getter for
 * releases.hashicorp.com (1.14 and later) checks no signature; this one does. Other sources are left
 * to `packer init`.
 */












/** Where Packer keeps an official plugin: `<dir>/github.com/hashicorp/<name>`. */
function officialPluginFolder(pluginDir, name) {
    return external_node_path_.join(pluginDir, 'github.com', 'hashicorp', name);
}
function sha256(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}
/**
 * The installed versions of a plugin that Packer would load: a binary named for this platform with
 * a `_SHA256SUM` file that matches it.
 */
async function installedPluginVersions(pluginDir, name, platform) {
    const folder = officialPluginFolder(pluginDir, name);
    const files = await (0,promises_.readdir)(folder).catch(() => []);
    const found = [];
    for (const file of files) {
        const parsed = parseInstalledPluginFileName(file, name, platform);
        if (!parsed)
            continue;
        const binary = external_node_path_.join(folder, file);
        const [content, sum] = await Promise.all([
            (0,promises_.readFile)(binary).catch(() => undefined),
            (0,promises_.readFile)(`${binary}_SHA256SUM`, 'utf8').catch(() => undefined)
        ]);
        if (content && sum?.trim().toLowerCase() === sha256(content))
            found.push({ ...parsed, binary });
    }
    return found;
}
function describe(binary) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)(binary, ['describe'], { timeout: 30_000, encoding: 'utf8' }, (error, stdout) => {
            if (error)
                reject(new Error(`'${external_node_path_.basename(binary)} describe' failed: ${error.message}`));
            else
                resolve(stdout);
        });
    });
}
/** Writes `data` to `file` through a temporary name in the same folder, so no half file stays. */
async function writeAtomically(file, data, mode) {
    const temp = `${file}.tmp-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    try {
        await (0,promises_.writeFile)(temp, data, { mode });
        await (0,promises_.chmod)(temp, mode);
        await (0,promises_.rename)(temp, file);
    }
    catch (error) {
        await (0,promises_.rm)(temp, { force: true });
        throw error;
    }
}
/**
 * Installs every official plugin the requirements name that is not installed yet in a version that
 * satisfies its constraint. An installed one costs no network request. Returns what each official
 * requirement now uses.
 */
async function installOfficialPlugins(request) {
    const official = request.requirements
        .map((r) => ({ ...r, name: officialPluginName(r.source) }))
        .filter((r) => r.name !== undefined);
    if (official.length === 0)
        return [];
    const results = [];
    let downloader;
    let unsubscribe;
    let trusted;
    try {
        for (const requirement of official) {
            const label = `plugin ${requirement.name} (${requirement.source} ${requirement.version || 'any version'})`;
            const satisfies = parseConstraint(requirement.version, `plugin ${requirement.name}`);
            const installed = await installedPluginVersions(request.pluginDir, requirement.name, request.platform);
            const newest = newestFirst(installed.map((p) => p.version)).find(satisfies);
            const present = installed.filter((p) => p.version === newest);
            if (present.length > 0) {
                core/* info */.pq(`${label}: ${present[0].version} is installed at ${present[0].binary}`);
                results.push({
                    name: requirement.name,
                    source: requirement.source,
                    constraint: requirement.version,
                    version: present[0].version,
                    present: true,
                    binary: present[0].binary
                });
                continue;
            }
            if (request.cancelled?.())
                throw new errors/* ActionError */.lZ('the plugin installation was cancelled');
            if (!downloader) {
                downloader = new download/* Downloader */._7(request.download ?? download/* DEFAULT_DOWNLOAD_OPTIONS */.w6);
                const active = downloader;
                unsubscribe = request.onCancel?.(() => active.dispose());
            }
            trusted ??= await (0,release_files/* trustedReleaseKeys */.nj)(request.signingKey);
            results.push(await installOne(downloader, request, requirement, trusted));
        }
    }
    catch (error) {
        if (request.cancelled?.()) {
            throw new errors/* ActionError */.lZ('the plugin installation was cancelled; no partial plugin was left');
        }
        throw error;
    }
    finally {
        unsubscribe?.();
        downloader?.dispose();
    }
    return results;
}
async function installOne(downloader, request, requirement, trusted) {
    const { name } = requirement;
    const product = `packer-plugin-${name}`;
    const url = (0,releases/* indexUrl */.E5)(request.releasesUrl, product);
    return core/* group */.Os(`Install plugin ${requirement.source} ${requirement.version}`, async () => {
        core/* info */.pq(`Reading ${url}`);
        let document;
        try {
            document = JSON.parse((await downloader.fetchBytes(url)).toString('utf8'));
        }
        catch (error) {
            throw new errors/* ActionError */.lZ(`plugin ${name} (${requirement.source}): could not read ${url}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
        }
        const index = (0,releases/* parseIndex */.A1)(document, product);
        const version = resolvePluginVersion(index.keys(), requirement.version, `plugin ${name}`, url);
        core/* info */.pq(`plugin ${name} '${requirement.version || 'any version'}' resolves to ${version}`);
        const release = index.get(version);
        const build = (0,releases/* selectBuild */.zu)(release, request.platform, `plugin ${name} ${version}`);
        const signature = (0,releases/* selectSignatureFile */.bm)(release, trusted.keys.map((k) => k.getFingerprint()));
        (0,releases/* checkReleaseFiles */.$Q)(product, release, build, signature);
        const manifest = `${product}_${version}_manifest.json`;
        const names = {
            label: `plugin ${name} ${version} for ${request.platform.os}/${request.platform.arch}`,
            sums: release.shasums,
            signature,
            archive: build.filename,
            extras: [manifest]
        };
        const temp = await (0,promises_.mkdtemp)(external_node_path_.join(request.tempDir, 'packer-plugin-'));
        try {
            const downloaded = await (0,release_files/* downloadReleaseFiles */.zT)(downloader, names, (file) => (0,releases/* releaseFileUrl */.Pl)(request.releasesUrl, product, version, file), temp);
            await (0,release_files/* verifyReleaseFiles */.Wc)(downloaded, names, trusted);
            let manifestDocument;
            try {
                manifestDocument = JSON.parse(downloaded.extras[0].toString('utf8'));
            }
            catch {
                throw new errors/* ActionError */.lZ(`${manifest} is not JSON`);
            }
            const protocol = manifestProtocol(manifestDocument, manifest);
            const fileName = installedPluginFileName(name, version, protocol, request.platform);
            const extracted = external_node_path_.join(temp, 'extracted');
            await tool_cache/* extractZip */.JE(downloaded.archivePath, extracted);
            const binary = external_node_path_.join(extracted, fileName);
            if (!(0,external_node_fs_.existsSync)(binary)) {
                const entries = await (0,promises_.readdir)(extracted);
                throw new errors/* ActionError */.lZ(`${build.filename} has no '${fileName}' (it holds: ${entries.join(', ') || 'nothing'})`);
            }
            if (request.platform.os !== 'windows')
                await (0,promises_.chmod)(binary, 0o755);
            checkDescribe(await describe(binary), { version, protocol }, `plugin ${name} ${version}`);
            if (request.cancelled?.())
                throw new errors/* ActionError */.lZ('cancelled');
            const folder = officialPluginFolder(request.pluginDir, name);
            await (0,promises_.mkdir)(folder, { recursive: true });
            const content = await (0,promises_.readFile)(binary);
            const target = external_node_path_.join(folder, fileName);
            await writeAtomically(target, content, 0o755);
            // The checksum file last: Packer loads nothing without it, so a half install is never used.
            await writeAtomically(`${target}_SHA256SUM`, sha256(content), 0o644);
            core/* info */.pq(`plugin ${name} ${version} is installed at ${target}`);
            return {
                name,
                source: requirement.source,
                constraint: requirement.version,
                version,
                present: false,
                binary: target
            };
        }
        finally {
            await (0,promises_.rm)(temp, { recursive: true, force: true });
        }
    });
}


/***/ })

};
