import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 90915:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DD: () => (/* binding */ ON_ERROR),
/* harmony export */   Ed: () => (/* binding */ MANIFEST_ENV),
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   Lo: () => (/* binding */ COMMANDS),
/* harmony export */   Uw: () => (/* binding */ State),
/* harmony export */   YT: () => (/* binding */ DEFAULT_COMMAND),
/* harmony export */   je: () => (/* binding */ DEFAULT_RELEASES_URL),
/* harmony export */   lH: () => (/* binding */ TOOL_NAME),
/* harmony export */   tY: () => (/* binding */ Outputs),
/* harmony export */   zB: () => (/* binding */ BOOLEAN_WORDS)
/* harmony export */ });
/* unused harmony exports PACKER_COMMANDS, LIFECYCLE_COMMANDS */
/** Every name of the action's interface, written once. */
var Inputs;
(function (Inputs) {
    Inputs["Command"] = "command";
    Inputs["PackerVersion"] = "packer-version";
    Inputs["ReleasesUrl"] = "releases-url";
    Inputs["ReleasesSigningKey"] = "releases-signing-key";
    Inputs["WorkingDirectory"] = "working-directory";
    Inputs["Template"] = "template";
    Inputs["Variables"] = "variables";
    Inputs["SensitiveVariables"] = "sensitive-variables";
    Inputs["VarFiles"] = "var-files";
    Inputs["Only"] = "only";
    Inputs["Except"] = "except";
    Inputs["OnError"] = "on-error";
    Inputs["ParallelBuilds"] = "parallel-builds";
    Inputs["Force"] = "force";
    Inputs["FmtCheck"] = "fmt-check";
    Inputs["GithubToken"] = "github-token";
    Inputs["CachePlugins"] = "cache-plugins";
    Inputs["InstallOfficialPlugins"] = "install-official-plugins";
    Inputs["Summary"] = "summary";
    Inputs["UploadArtifact"] = "upload-artifact";
    Inputs["Manifests"] = "manifests";
    Inputs["TfvarsFile"] = "tfvars-file";
    Inputs["AmiIds"] = "ami-ids";
    Inputs["TfvarsMapping"] = "tfvars-mapping";
    Inputs["AwsRegions"] = "aws-regions";
    Inputs["ImageNameFilter"] = "image-name-filter";
    Inputs["ImageTags"] = "image-tags";
    Inputs["Keep"] = "keep";
    Inputs["MinAge"] = "min-age";
    Inputs["DryRun"] = "dry-run";
    Inputs["Stage"] = "stage";
    Inputs["StageTag"] = "stage-tag";
    Inputs["ShareWith"] = "share-with";
})(Inputs || (Inputs = {}));
var Outputs;
(function (Outputs) {
    Outputs["PackerVersion"] = "packer-version";
    Outputs["PackerPath"] = "packer-path";
    Outputs["AmiId"] = "ami-id";
    Outputs["AmiIds"] = "ami-ids";
    Outputs["Artifacts"] = "artifacts";
    Outputs["Manifest"] = "manifest";
    Outputs["ExitCode"] = "exit-code";
    Outputs["Changed"] = "changed";
    Outputs["TfvarsFile"] = "tfvars-file";
    Outputs["Deleted"] = "deleted";
    Outputs["Kept"] = "kept";
    Outputs["Promoted"] = "promoted";
})(Outputs || (Outputs = {}));
var State;
(function (State) {
    State["IsPost"] = "isPost";
    /** JSON of the temporary AWS resources a running build has created (see aws/resources.ts). */
    State["AwsResources"] = "awsResources";
})(State || (State = {}));
const TOOL_NAME = 'packer';
const DEFAULT_RELEASES_URL = 'https://releases.hashicorp.com';
/** Commands that run Packer (every one installs it first). */
const PACKER_COMMANDS = ['build', 'validate', 'fmt', 'init', 'install'];
/** Commands on what builds produced: manifests, Terraform variables and the images in EC2. */
const LIFECYCLE_COMMANDS = ['merge-manifests', 'tfvars', 'cleanup', 'promote'];
const COMMANDS = [...PACKER_COMMANDS, ...LIFECYCLE_COMMANDS];
/** Set by a build (or merge) for later steps of the same job: the path of its manifest. */
const MANIFEST_ENV = 'PACKER_IMAGE_ACTION_MANIFEST';
const DEFAULT_COMMAND = 'build';
const ON_ERROR = ['cleanup', 'abort', 'run-cleanup-provisioner'];
/** The words a boolean input takes, in any case (YAML 1.1's, which workflow authors write). */
const BOOLEAN_WORDS = {
    true: ['true', 'yes', 'on', '1'],
    false: ['false', 'no', 'off', '0']
};


/***/ }),

/***/ 40334:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ checkReleasesUrl)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(90915);
/**
 * The `releases-url` input, checked. Built-ins only, so that the warm path (src/warm.ts) checks it
 * the same way without loading @actions/core.
 */

/** The base URL without a trailing slash, or what is wrong with it (never echoing credentials). */
function checkReleasesUrl(value) {
    const raw = value.trim() || _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_RELEASES_URL */ .je;
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        return {
            problem: `Input '${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ReleasesUrl}' is '${raw}'; expected an http(s) URL such as ${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_RELEASES_URL */ .je}`
        };
    }
    if (url.username || url.password) {
        return {
            problem: `Input '${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ReleasesUrl}' carries credentials; put them in a netrc or proxy setting instead`
        };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return {
            problem: `Input '${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ReleasesUrl}' is '${raw}'; expected an http(s) URL, not ${url.protocol}`
        };
    }
    // File paths are appended to the base, so a query or fragment would end up in the middle of
    // each URL (and a token in a query would be printed with every URL).
    if (url.search || url.hash || /[?#]/.test(raw)) {
        return {
            problem: `Input '${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ReleasesUrl}' has a query or fragment; expected a base URL such as ${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_RELEASES_URL */ .je} (put a token in a netrc or proxy setting instead)`
        };
    }
    return { url: url.toString().replace(/\/+$/, '') };
}


/***/ }),

/***/ 74831:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IH: () => (/* binding */ completeMarker),
/* harmony export */   lj: () => (/* binding */ findInToolCache),
/* harmony export */   y: () => (/* binding */ exactVersion),
/* harmony export */   y6: () => (/* binding */ toolCachePath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * The tool-cache layout that `@actions/tool-cache` reads and writes: `<root>/<tool>/<version>/<arch>`,
 * complete when `<arch>.complete` exists. The installer and the warm path (src/warm.ts) both go
 * through it, so this module must stay on Node's built-ins: the warm path pays for every import.
 */


/** An exact version, with or without a leading `v`; capture 1 is the version without it. */
const EXACT_VERSION = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/;
/** The version a spec names exactly (`1.9.4`, `v1.9.4`, `1.10.0-rc1`), or undefined for a range. */
function exactVersion(spec) {
    return EXACT_VERSION.exec(spec)?.[1];
}
/** Where the tool cache keeps one version of a tool for one architecture. */
function toolCachePath(root, tool, version, arch) {
    return node_path__WEBPACK_IMPORTED_MODULE_1__.join(root, tool, version, arch);
}
/** The marker that says the folder at `dir` is complete. */
function completeMarker(dir) {
    return `${dir}.complete`;
}
/** The folder of a complete install of that version, or undefined when the cache lacks it. */
function findInToolCache(root, tool, version, arch) {
    const dir = toolCachePath(root, tool, version, arch);
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(completeMarker(dir)) ? dir : undefined;
}


/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 49140:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 91943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 73339:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 98995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 46466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __nccwpck_require__(98995);
// EXTERNAL MODULE: ./src/action/constants.ts
var constants = __nccwpck_require__(90915);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
// EXTERNAL MODULE: ./src/action/releases-url.ts
var releases_url = __nccwpck_require__(40334);
// EXTERNAL MODULE: ./src/installer/tool-cache.ts
var tool_cache = __nccwpck_require__(74831);
;// CONCATENATED MODULE: ./src/warm.ts
/**
 * The warm path: `command: install` of an exact version that the tool cache already holds.
 *
 * It uses Node's built-ins only. Loading `@actions/core` costs about 60 ms on its own (it pulls in
 * an HTTP client for OIDC), two to three times Node's whole start-up, and a cached install needs
 * none of it: the runner protocol for this case is two file appends. Anything else, and any doubt,
 * returns false and the full action runs.
 */





function input(env, name) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/**
 * The runner's file-command format for a multi-line-safe `name<<delimiter` record. The delimiter
 * only has to differ from every line of the value, which is checked; `node:crypto` is not loaded
 * for it, since that alone costs a sixth of Node's start-up.
 */
function fileCommandRecord(name, value) {
    let delimiter;
    do {
        delimiter = `ghadelimiter_${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
    } while (value.split(/\r?\n/).includes(delimiter));
    return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}
/**
 * Whether the inputs `install` reads besides the version are ones the warm path takes as the full
 * action would: a valid `summary` and `releases-url` (checked as there), and no secrets to check and
 * mask. Anything else goes to the full action, which reports it whatever the tool cache holds. The
 * `releases-signing-key` is read only when something is downloaded, on either path.
 */
function warmInputs(env) {
    const summary = input(env, constants/* Inputs */.G0.Summary).toLowerCase();
    return ((summary === '' ||
        [...constants/* BOOLEAN_WORDS */.zB.true, ...constants/* BOOLEAN_WORDS */.zB.false].some((w) => w === summary)) &&
        !('problem' in (0,releases_url/* checkReleasesUrl */.E)(input(env, constants/* Inputs */.G0.ReleasesUrl))) &&
        input(env, constants/* Inputs */.G0.SensitiveVariables) === '');
}
/** `::add-mask::` for a value, escaped as @actions/core escapes a command's data. */
function maskCommand(value) {
    const data = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    return `::add-mask::${data}\n`;
}
function runWarm(env = process.env, print = (text) => (0,external_node_fs_.writeSync)(1, text)) {
    try {
        if ((input(env, constants/* Inputs */.G0.Command) || constants/* DEFAULT_COMMAND */.YT) !== 'install')
            return false;
        if (!warmInputs(env))
            return false;
        const version = (0,tool_cache/* exactVersion */.y)(input(env, constants/* Inputs */.G0.PackerVersion));
        const root = env.RUNNER_TOOL_CACHE;
        const outputFile = env.GITHUB_OUTPUT;
        const pathFile = env.GITHUB_PATH;
        if (!version || !root || !outputFile || !pathFile)
            return false;
        const dir = (0,tool_cache/* toolCachePath */.y6)(root, constants/* TOOL_NAME */.lH, version, process.arch);
        const binary = external_node_path_.join(dir, process.platform === 'win32' ? 'packer.exe' : 'packer');
        if (!(0,external_node_fs_.existsSync)((0,tool_cache/* completeMarker */.IH)(dir)) || !(0,external_node_fs_.existsSync)(binary))
            return false;
        // The post step runs the same bundle and tells itself apart by this state.
        if (env.GITHUB_STATE)
            (0,external_node_fs_.appendFileSync)(env.GITHUB_STATE, fileCommandRecord(constants/* State */.Uw.IsPost, 'true'));
        (0,external_node_fs_.appendFileSync)(pathFile, `${dir}\n`);
        env.PATH = `${dir}${external_node_path_.delimiter}${env.PATH ?? ''}`;
        (0,external_node_fs_.appendFileSync)(outputFile, fileCommandRecord(constants/* Outputs */.tY.PackerVersion, version) +
            fileCommandRecord(constants/* Outputs */.tY.PackerPath, binary));
        // Straight to the descriptor: setting up process.stdout costs more than the rest of this path.
        // The token is masked whatever the command, as on the full path.
        const token = input(env, constants/* Inputs */.G0.GithubToken);
        print(`${token ? maskCommand(token) : ''}Packer ${version} from the tool cache: ${binary}\n`);
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/index.ts
// The entry stays free of top-level await: the bundler would otherwise wrap every module in its
// async-module machinery, which the warm path (src/warm.ts) pays for on each run.



if (process.env[`STATE_${constants/* State */.Uw.IsPost}`] === 'true') {
    (0,external_node_module_.enableCompileCache)?.();
    void __nccwpck_require__.e(/* import() */ 661).then(__nccwpck_require__.bind(__nccwpck_require__, 86661)).then(({ runPost }) => runPost());
}
else if (!runWarm()) {
    // V8's code cache for the chunks: later steps of the job (and self-hosted runners) start faster.
    (0,external_node_module_.enableCompileCache)?.();
    void Promise.all(/* import() */[__nccwpck_require__.e(838), __nccwpck_require__.e(805), __nccwpck_require__.e(698)]).then(__nccwpck_require__.bind(__nccwpck_require__, 24698)).then(({ run }) => run());
}

