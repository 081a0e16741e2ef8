export const id = 206;
export const ids = [206];
export const modules = {

/***/ 59206:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   installOfficialPlugins: () => (/* binding */ installOfficialPlugins)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(33838);
/* harmony import */ var _actions_tool_cache__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(59805);
/* harmony import */ var _action_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(78055);
/* harmony import */ var _download_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(22754);
/* harmony import */ var _plugin_versions_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4011);
/* harmony import */ var _release_files_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(33085);
/* harmony import */ var _releases_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(69276);
/**
 * Installs official HashiCorp plugins (`github.com/hashicorp/<name>` sources) from releases-url
 * through the same verified path as Packer itself, into the plugin directory under the names Packer
 * loads, so that `packer init` finds them installed and fetches nothing. Packer's own getter for
 * releases.hashicorp.com (1.14 and later) checks no signature; this one does. Other sources are left
 * to `packer init`.
 */












/** Where Packer keeps an official plugin: `<dir>/github.com/hashicorp/<name>`. */
function officialPluginFolder(pluginDir, name) {
    return node_path__WEBPACK_IMPORTED_MODULE_4__.join(pluginDir, 'github.com', 'hashicorp', name);
}
/**
 * The installed versions of a plugin that Packer would load: a binary named for this platform with
 * a `_SHA256SUM` file that matches it.
 */
async function installedPluginVersions(pluginDir, name, platform) {
    const folder = officialPluginFolder(pluginDir, name);
    const files = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readdir)(folder).catch(() => []);
    const found = [];
    for (const file of files) {
        const parsed = (0,_plugin_versions_js__WEBPACK_IMPORTED_MODULE_9__/* .parseInstalledPluginFileName */ .GY)(file, name, platform);
        if (!parsed)
            continue;
        const binary = node_path__WEBPACK_IMPORTED_MODULE_4__.join(folder, file);
        const [actual, sum] = await Promise.all([
            fileSha256(binary).catch(() => undefined),
            (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readFile)(`${binary}_SHA256SUM`, 'utf8').catch(() => undefined)
        ]);
        if (actual && sum?.trim().toLowerCase() === actual)
            found.push({ ...parsed, binary });
    }
    return found;
}
function describe(binary, env) {
    return new Promise((resolve, reject) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(binary, ['describe'], { timeout: 30_000, encoding: 'utf8', env }, (error, stdout) => {
            if (error)
                reject(new Error(`'${node_path__WEBPACK_IMPORTED_MODULE_4__.basename(binary)} describe' failed: ${error.message}`));
            else
                resolve(stdout);
        });
    });
}
async function fileSha256(file) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256');
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.createReadStream)(file))
        hash.update(chunk);
    return hash.digest('hex');
}
/**
 * Moves `from` to `to` through a temporary name beside `to`: a rename where both are on one file
 * system, a copy where they are not (RUNNER_TEMP and the plugin folder often are not).
 */
async function placeFile(from, to, mode) {
    const temp = `${to}.tmp-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(6).toString('hex')}`;
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rename)(from, temp).catch(async (error) => {
            if (error.code !== 'EXDEV')
                throw error;
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.copyFile)(from, temp);
        });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.chmod)(temp, mode);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rename)(temp, to);
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rm)(temp, { force: true });
        throw error;
    }
}
/** Writes `data` to `file` through a temporary name in the same folder, so no half file stays. */
async function writeAtomically(file, data, mode) {
    const temp = `${file}.tmp-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(6).toString('hex')}`;
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.writeFile)(temp, data, { mode });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.chmod)(temp, mode);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rename)(temp, file);
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rm)(temp, { force: true });
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
        .map((r) => ({ ...r, name: (0,_plugin_versions_js__WEBPACK_IMPORTED_MODULE_9__/* .officialPluginName */ .gl)(r.source) }))
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
            const satisfies = (0,_plugin_versions_js__WEBPACK_IMPORTED_MODULE_9__/* .parseConstraint */ .FJ)(requirement.version, `plugin ${requirement.name}`);
            const installed = await installedPluginVersions(request.pluginDir, requirement.name, request.platform);
            const newest = (0,_plugin_versions_js__WEBPACK_IMPORTED_MODULE_9__/* .newestFirst */ .ll)(installed.map((p) => p.version)).find(satisfies);
            const present = installed.filter((p) => p.version === newest);
            if (present.length > 0) {
                _actions_core__WEBPACK_IMPORTED_MODULE_5__/* .info */ .pq(`${label}: ${present[0].version} is installed at ${present[0].binary}`);
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
                throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .lZ('the plugin installation was cancelled');
            if (!downloader) {
                downloader = new _download_js__WEBPACK_IMPORTED_MODULE_8__/* .Downloader */ ._7(request.download ?? _download_js__WEBPACK_IMPORTED_MODULE_8__/* .DEFAULT_DOWNLOAD_OPTIONS */ .w6);
                const active = downloader;
                unsubscribe = request.onCancel?.(() => active.dispose());
            }
            trusted ??= await (0,_release_files_js__WEBPACK_IMPORTED_MODULE_10__/* .trustedReleaseKeys */ .nj)(request.signingKey);
            results.push(await installOne(downloader, request, requirement, trusted));
        }
    }
    catch (error) {
        if (request.cancelled?.()) {
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .lZ('the plugin installation was cancelled; no partial plugin was left');
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
    const url = (0,_releases_js__WEBPACK_IMPORTED_MODULE_11__/* .indexUrl */ .E5)(request.releasesUrl, product);
    // Inside init's own log group: the runner does not nest groups, so this one opens none.
    _actions_core__WEBPACK_IMPORTED_MODULE_5__/* .info */ .pq(`Installing plugin ${requirement.source} ${requirement.version}`);
    _actions_core__WEBPACK_IMPORTED_MODULE_5__/* .info */ .pq(`Reading ${url}`);
    let document;
    try {
        document = JSON.parse((await downloader.fetchBytes(url, _download_js__WEBPACK_IMPORTED_MODULE_8__/* .INDEX_LIMITS */ .Si)).toString('utf8'));
    }
    catch (error) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .lZ(`plugin ${name} (${requirement.source}): could not read ${url}: ${(0,_action_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .getErrorMessage */ .u1)(error)}`);
    }
    const index = (0,_releases_js__WEBPACK_IMPORTED_MODULE_11__/* .parseIndex */ .A1)(document, product);
    const version = (0,_plugin_versions_js__WEBPACK_IMPORTED_MODULE_9__/* .resolvePluginVersion */ .Km)(index.keys(), requirement.version, `plugin ${name}`, url);
    _actions_core__WEBPACK_IMPORTED_MODULE_5__/* .info */ .pq(`plugin ${name} '${requirement.version || 'any version'}' resolves to ${version}`);
    const release = index.get(version);
    const build = (0,_releases_js__WEBPACK_IMPORTED_MODULE_11__/* .selectBuild */ .zu)(release, request.platform, `plugin ${name} ${version}`);
    const signature = (0,_releases_js__WEBPACK_IMPORTED_MODULE_11__/* .selectSignatureFile */ .bm)(release, trusted.keys.map((k) => k.getFingerprint()));
    (0,_releases_js__WEBPACK_IMPORTED_MODULE_11__/* .checkReleaseFiles */ .$Q)(product, release, build, signature);
    const manifest = `${product}_${version}_manifest.json`;
    const names = {
        label: `plugin ${name} ${version} for ${request.platform.os}/${request.platform.arch}`,
        sums: release.shasums,
        signature,
        archive: build.filename,
        extras: [manifest]
    };
    const temp = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_4__.join(request.tempDir, 'packer-plugin-'));
    try {
        const downloaded = await (0,_release_files_js__WEBPACK_IMPORTED_MODULE_10__/* .downloadReleaseFiles */ .zT)(downloader, names, (file) => (0,_releases_js__WEBPACK_IMPORTED_MODULE_11__/* .releaseFileUrl */ .Pl)(request.releasesUrl, product, version, file), temp);
        await (0,_release_files_js__WEBPACK_IMPORTED_MODULE_10__/* .verifyReleaseFiles */ .Wc)(downloaded, names, trusted);
        let manifestDocument;
        try {
            manifestDocument = JSON.parse(downloaded.extras[0].toString('utf8'));
        }
        catch {
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .lZ(`${manifest} is not JSON`);
        }
        const protocol = (0,_plugin_versions_js__WEBPACK_IMPORTED_MODULE_9__/* .manifestProtocol */ .mE)(manifestDocument, manifest);
        const fileName = (0,_plugin_versions_js__WEBPACK_IMPORTED_MODULE_9__/* .installedPluginFileName */ .jG)(name, version, protocol, request.platform);
        const extracted = node_path__WEBPACK_IMPORTED_MODULE_4__.join(temp, 'extracted');
        await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_6__/* .extractZip */ .JE(downloaded.archivePath, extracted);
        const binary = node_path__WEBPACK_IMPORTED_MODULE_4__.join(extracted, fileName);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(binary)) {
            const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readdir)(extracted);
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .lZ(`${build.filename} has no '${fileName}' (it holds: ${entries.join(', ') || 'nothing'})`);
        }
        if (request.platform.os !== 'windows')
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.chmod)(binary, 0o755);
        (0,_plugin_versions_js__WEBPACK_IMPORTED_MODULE_9__/* .checkDescribe */ .ij)(await describe(binary, request.env), { version, protocol }, `plugin ${name} ${version}`);
        if (request.cancelled?.())
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .lZ('cancelled');
        const folder = officialPluginFolder(request.pluginDir, name);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.mkdir)(folder, { recursive: true });
        const target = node_path__WEBPACK_IMPORTED_MODULE_4__.join(folder, fileName);
        const hash = await fileSha256(binary);
        await placeFile(binary, target, 0o755);
        // The checksum file last: Packer loads nothing without it, so a half install is never used.
        await writeAtomically(`${target}_SHA256SUM`, hash, 0o644);
        _actions_core__WEBPACK_IMPORTED_MODULE_5__/* .info */ .pq(`plugin ${name} ${version} is installed at ${target}`);
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
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rm)(temp, { recursive: true, force: true });
    }
}


/***/ })

};
