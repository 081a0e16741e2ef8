export const id = 698;
export const ids = [698];
export const modules = {

/***/ 44276:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ isObject),
/* harmony export */   z: () => (/* binding */ dictionary)
/* harmony export */ });
/**
 * An empty object without a prototype, for maps whose keys come from outside (inputs, templates,
 * manifests, EC2): a key such as `constructor`, `toString` or `__proto__` is then an ordinary key,
 * not an inherited property or the object's prototype.
 */
function dictionary() {
    return Object.create(null);
}
/** Whether parsed JSON is an object with keys (not null, not an array). */
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ }),

/***/ 78055:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X_: () => (/* binding */ awsErrorMessage),
/* harmony export */   lZ: () => (/* binding */ ActionError),
/* harmony export */   u1: () => (/* binding */ getErrorMessage)
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
/** `ServiceException: message` for an AWS SDK error, or the message of anything else thrown. */
function awsErrorMessage(error) {
    if (error instanceof Error && error.name && error.name !== 'Error') {
        return `${error.name}: ${error.message}`;
    }
    return getErrorMessage(error);
}
/** An error whose message is meant for the user as it stands: no stack trace is printed. */
class ActionError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ActionError';
    }
}


/***/ }),

/***/ 81729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AO: () => (/* binding */ actionInputReader),
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   KT: () => (/* binding */ named),
/* harmony export */   LN: () => (/* binding */ resolvePaths),
/* harmony export */   SN: () => (/* binding */ readInstallerInputs),
/* harmony export */   St: () => (/* binding */ parseOptionalInteger),
/* harmony export */   TC: () => (/* binding */ checkInside),
/* harmony export */   _X: () => (/* binding */ workingDirectoryOf),
/* harmony export */   aq: () => (/* binding */ readSensitiveVariables),
/* harmony export */   bq: () => (/* binding */ readWorkingDirectory),
/* harmony export */   lS: () => (/* binding */ readSharedInputs),
/* harmony export */   oN: () => (/* binding */ requireInput),
/* harmony export */   oS: () => (/* binding */ workspaceRoot),
/* harmony export */   rf: () => (/* binding */ parseVariables),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* unused harmony exports parseCommand, parseVersionSpec, parseReleasesUrl */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(90915);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(78055);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(30065);
/* harmony import */ var _releases_url_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(40334);
/**
 * Reading the action's inputs: the reader, the inputs every command reads, and the parsers and
 * path checks the commands' own input readers (commands/*-inputs.ts) are made of.
 */








/** The step's inputs, as the runner passes them. */
function actionInputReader() {
    return (name, raw) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name, { trimWhitespace: !raw });
}
/** Reads and validates the inputs every command reads; throws an ActionError that names the bad value. */
function readSharedInputs(read) {
    return {
        command: parseCommand(read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Command)),
        summary: parseBoolean(read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Summary), _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Summary, true),
        sensitiveVariables: readSensitiveVariables(read),
        githubToken: read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.GithubToken).trim()
    };
}
/** `sensitive-variables`, each value long enough to be redacted. */
function readSensitiveVariables(read) {
    const variables = parseVariables(read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.SensitiveVariables, true), _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.SensitiveVariables, true);
    for (const v of variables) {
        // An empty value has nothing to hide; one or two characters cannot be hidden.
        if (v.value.length > 0 && v.value.length < _redact_js__WEBPACK_IMPORTED_MODULE_7__/* .MIN_SECRET_LENGTH */ .v) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.SensitiveVariables}': the value of '${v.name}' has ${v.value.length} character(s); a value under ${_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .MIN_SECRET_LENGTH */ .v} characters cannot be redacted without blanking ordinary text in the log, so it cannot be kept secret: pass it in '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Variables}', or use a longer secret`);
        }
    }
    return variables;
}
function readInstallerInputs(read) {
    return {
        packerVersion: parseVersionSpec(read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.PackerVersion)),
        releasesUrl: parseReleasesUrl(read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.ReleasesUrl)),
        releasesSigningKey: read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.ReleasesSigningKey).trim()
    };
}
/** `working-directory` as given, relative to the workspace; `.` when empty. */
function readWorkingDirectory(read) {
    return read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.WorkingDirectory).trim() || '.';
}
/** Runs an input's own parser; its error gets the input's name in front when it lacks it. */
function named(input, value, parse) {
    try {
        return parse(value);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (message.startsWith(`Input '${input}'`))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(message);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(message.startsWith(input)
            ? `Input '${input}': ${message.slice(input.length).replace(/^[\s:]+/, '')}`
            : `Input '${input}': ${message}`);
    }
}
/** Throws the error of a command that cannot run without `input`, saying what it is for. */
function requireInput(command, input, present, why) {
    if (!present)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`Input '${input}' is required with command '${command}': ${why}`);
}
function parseCommand(value) {
    const command = value.trim() || _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_COMMAND */ .YT;
    if (!_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .COMMANDS */ .Lo.includes(command)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Command}' is '${command}'; expected one of: ${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .COMMANDS */ .Lo.join(', ')}`);
    }
    return command;
}
function parseVersionSpec(value) {
    const spec = value.trim() || 'latest';
    if (spec.toLowerCase() === 'latest')
        return 'latest';
    const exact = semver__WEBPACK_IMPORTED_MODULE_3___default().valid(semver__WEBPACK_IMPORTED_MODULE_3___default().clean(spec) ?? '');
    if (exact)
        return exact;
    // semver reads an empty alternative as `*`: `>=1.0 <1.1 ||` would install any version.
    if (spec.split('||').some((alternative) => alternative.trim() === '')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.PackerVersion}' is '${spec}': an alternative between '||' is empty, which would match any version; remove the extra '||'`);
    }
    if (semver__WEBPACK_IMPORTED_MODULE_3___default().validRange(spec))
        return spec;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.PackerVersion}' is '${spec}'; expected 'latest', an exact version such as ` +
        `'1.11.2', or a semver range such as '~1.11', '1.x' or '>=1.10 <1.12'`);
}
function parseReleasesUrl(value) {
    const checked = (0,_releases_url_js__WEBPACK_IMPORTED_MODULE_6__/* .checkReleasesUrl */ .E)(value);
    if ('problem' in checked)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(checked.problem);
    return checked.url;
}
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/**
 * `name=value` lines. The value is everything after the first `=`, kept byte for byte; blank lines
 * are skipped. Values are never shown in errors, since they may be secret; with `secret`, names are
 * not either: a line missing its `name=` may be a secret whole.
 */
function parseVariables(text, input, secret = false) {
    const variables = [];
    const lines = text.split('\n');
    lines.forEach((rawLine, index) => {
        const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
        if (line.trim() === '')
            return;
        const eq = line.indexOf('=');
        if (eq < 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`Input '${input}', line ${index + 1}: expected name=value, found no '='`);
        }
        const name = line.slice(0, eq).trim();
        if (!IDENTIFIER.test(name)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`Input '${input}', line ${index + 1}: ${secret ? 'the text before the first = (not shown, as the line may be a secret)' : `'${name.slice(0, 64)}'`} is not a variable name (letters, digits, _ and -, not starting with a digit)`);
        }
        variables.push({ name, value: line.slice(eq + 1) });
    });
    return variables;
}
function parseList(text, separator) {
    return text
        .split(separator)
        .map((s) => s.trim())
        .filter(Boolean);
}
function parseBoolean(value, input, fallback) {
    const v = value.trim().toLowerCase();
    if (v === '')
        return fallback;
    if (_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .BOOLEAN_WORDS */ .zB.true.includes(v))
        return true;
    if (_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .BOOLEAN_WORDS */ .zB.false.includes(v))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`Input '${input}' is '${value.trim()}'; expected true or false`);
}
/** A whole number from 0 to 1000, or undefined when empty; `zero` says what 0 means for the input. */
function parseOptionalInteger(value, input, zero = 'no limit') {
    const v = value.trim();
    if (v === '')
        return undefined;
    if (!/^\d+$/.test(v) || Number(v) > 1000) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`Input '${input}' is '${v}'; expected a whole number from 0 to 1000 (0: ${zero})`);
    }
    return Number(v);
}
/** The real path of `file`, or of its nearest existing folder joined with the rest when it does not exist. */
function realPathOf(file) {
    const rest = [];
    let dir = node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(file);
    for (;;) {
        try {
            return node_path__WEBPACK_IMPORTED_MODULE_2__.join((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)(dir), ...rest);
        }
        catch {
            const parent = node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(dir);
            if (parent === dir)
                return node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(file);
            rest.unshift(node_path__WEBPACK_IMPORTED_MODULE_2__.basename(dir));
            dir = parent;
        }
    }
}
function isInside(file, dir) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_2__.relative(dir, file);
    return relative === '' || (!relative.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute(relative));
}
/**
 * Refuses a path input whose real path, symlinks followed, leads out of `roots`: a pull request can
 * commit a symlink, and what the action reads through it (a var-file, a manifest) could reach the
 * log in an error message, and what it writes (tfvars) would land outside the repository.
 */
function checkInside(file, input, given, roots, verb = 'is') {
    const real = realPathOf(file);
    if (roots.some((root) => isInside(real, realPathOf(root.dir))))
        return;
    const where = roots.map((r) => `${r.name} (${r.dir})`).join(' and ');
    const named = typeof input === 'string' ? `Input '${input}'` : `Variable ${input.variable}`;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`${named} ${verb} '${given}', which resolves to ${real}, outside ${where}; a path input must lead inside ${roots.map((r) => r.name).join(' or ')}, so that a symlink in the repository cannot make the action read or write elsewhere`);
}
function workspaceRoot(workspace) {
    return { name: 'the workspace', dir: workspace };
}
/** The absolute working directory, which must exist, inside the workspace. */
function workingDirectoryOf(given, workspace) {
    const workingDirectory = node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(workspace, given);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(workingDirectory) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(workingDirectory).isDirectory()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.WorkingDirectory}' is '${given}', which is not a directory (${workingDirectory})`);
    }
    checkInside(workingDirectory, _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.WorkingDirectory, given, [workspaceRoot(workspace)]);
    return workingDirectory;
}
/** The files of a template folder that Packer reads on its own (build) or rewrites (fmt). */
const READ_BY_PACKER = /\.(pkr|pkrvars)\.(hcl|json)$/;
/** What `packer fmt -recursive` reads and rewrites in the folders below. */
const FORMATTED_BY_PACKER = /\.(pkr|pkrvars)\.hcl$/;
/**
 * The files below `dir` that `packer fmt -recursive` would read, as Go's filepath.Walk finds them:
 * symlinked folders are not entered, symlinked files are listed (and followed when read).
 */
function formattedBelow(dir, relative = '') {
    const found = [];
    for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, relative), { withFileTypes: true })) {
        const name = node_path__WEBPACK_IMPORTED_MODULE_2__.join(relative, entry.name);
        if (entry.isDirectory())
            found.push(...formattedBelow(dir, name));
        else if (relative !== '' && FORMATTED_BY_PACKER.test(entry.name))
            found.push(name);
    }
    return found;
}
/**
 * Checks the paths a template command names and resolves them. `recursive`: the command runs
 * `packer fmt -recursive` (fmt, and validate with fmt-check), which reads the folders below a
 * template folder too.
 */
function resolvePaths(inputs, workspace, recursive) {
    const workingDirectory = workingDirectoryOf(inputs.workingDirectory, workspace);
    const template = node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(workingDirectory, inputs.template);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(template)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Template}' is '${inputs.template}', which does not exist (looked for ${template})`);
    }
    const roots = [workspaceRoot(workspace)];
    checkInside(template, _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Template, inputs.template, roots);
    let kind;
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(template).isDirectory()) {
        // `packer fmt -recursive` (validate with fmt-check, and fmt) goes into the folders below.
        const read = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(template).filter((f) => READ_BY_PACKER.test(f));
        for (const file of recursive ? [...read, ...formattedBelow(template)] : read) {
            checkInside(node_path__WEBPACK_IMPORTED_MODULE_2__.join(template, file), _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Template, node_path__WEBPACK_IMPORTED_MODULE_2__.join(inputs.template, file), roots, 'names');
        }
        const templates = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(template).filter((f) => f.endsWith('.pkr.hcl') || f.endsWith('.pkr.json'));
        if (templates.length === 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Template}' is the folder '${inputs.template}', which holds no .pkr.hcl or .pkr.json templates` +
                ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(template).some((f) => f.endsWith('.json'))
                    ? '; name a legacy JSON template by its file name'
                    : ''));
        }
        kind = 'hcl2-dir';
    }
    else if (template.endsWith('.pkr.hcl') || template.endsWith('.pkr.json')) {
        kind = 'hcl2-file';
    }
    else if (template.endsWith('.json')) {
        kind = 'legacy-json';
    }
    else {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Template}' is '${inputs.template}'; expected a .pkr.hcl, .pkr.json or .json file, or a folder`);
    }
    const varFiles = inputs.varFiles.map((file) => {
        const resolved = node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(workingDirectory, file);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(resolved) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(resolved).isFile()) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.VarFiles}' names '${file}', which is not a file (looked for ${resolved})`);
        }
        checkInside(resolved, _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.VarFiles, file, roots, 'names');
        return resolved;
    });
    return { workingDirectory, template, kind, varFiles };
}


/***/ }),

/***/ 18948:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ setImageOutputs),
/* harmony export */   z: () => (/* binding */ setNoImageOutputs)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(90915);
/* harmony import */ var _packer_artifacts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68145);
/** The image outputs, set the same way after a build and after a merge of manifests. */



/**
 * Sets `ami-id`, `ami-ids`, `artifacts` and `manifest`, and tells later steps of the job where the
 * manifest is (tfvars and promote read it when their `ami-ids` input is empty).
 */
function setImageOutputs(artifacts, manifestFile, redact, primaryAmis = {}) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Outputs */ .tY.AmiId, redact((0,_packer_artifacts_js__WEBPACK_IMPORTED_MODULE_2__/* .firstAmiId */ .D8)(artifacts, primaryAmis) ?? ''));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Outputs */ .tY.AmiIds, redact(JSON.stringify((0,_packer_artifacts_js__WEBPACK_IMPORTED_MODULE_2__/* .amiIdsByBuild */ .vQ)(artifacts))));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Outputs */ .tY.Artifacts, redact(JSON.stringify((0,_packer_artifacts_js__WEBPACK_IMPORTED_MODULE_2__/* .artifactsOutput */ .Zw)(artifacts))));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Outputs */ .tY.Manifest, manifestFile);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .exportVariable */ .dN(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .MANIFEST_ENV */ .Ed, manifestFile);
}
/**
 * The image outputs of a build that failed before `packer build` ran (init, validate): no image, so
 * that a later `if: always()` step can still read them with `fromJSON`. No manifest is named.
 */
function setNoImageOutputs() {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Outputs */ .tY.AmiId, '');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Outputs */ .tY.AmiIds, JSON.stringify({}));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Outputs */ .tY.Artifacts, JSON.stringify([]));
}


/***/ }),

/***/ 30065:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ Redactor),
/* harmony export */   v: () => (/* binding */ MIN_SECRET_LENGTH)
/* harmony export */ });
/**
 * Replaces secret values in anything the action prints, writes to the summary or sets as an output.
 * The runner masks what `core.setSecret` registered, but only in the log, only in the exact form
 * and one line at a time; Packer before 1.15.1 prints secrets in machine-readable mode, escaped
 * (`,` as `%!(PACKER_COMMA)`), and wraps diagnostic text at 78 columns, which splits a value with
 * spaces across lines. So the action redacts every form itself, on whole blocks of text.
 */
/** Shorter values cannot be redacted without blanking ordinary text; inputs.ts refuses them. */
const MIN_SECRET_LENGTH = 3;
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
class Redactor {
    secrets = new Set();
    /** For a form with white space: the same words with any white space between them, line breaks included. */
    wrapped = new Map();
    sorted;
    add(secret) {
        if (secret.length < MIN_SECRET_LENGTH)
            return;
        for (const form of [
            secret,
            secret.replace(/,/g, '%!(PACKER_COMMA)'),
            JSON.stringify(secret).slice(1, -1),
            secret.replace(/\r/g, '\\r').replace(/\n/g, '\\n')
        ]) {
            this.secrets.add(form);
            const words = form.split(/\s+/).filter(Boolean);
            if (words.length > 1 && !this.wrapped.has(form)) {
                this.wrapped.set(form, new RegExp(words.map(escapeRegExp).join('\\s+'), 'g'));
            }
        }
        this.sorted = undefined;
    }
    get size() {
        return this.secrets.size;
    }
    redact(text) {
        if (this.secrets.size === 0 || text.length === 0)
            return text;
        // Longest first, so that a secret containing another is replaced whole.
        this.sorted ??= {
            exact: [...this.secrets].sort((a, b) => b.length - a.length),
            wrapped: [...this.wrapped.entries()]
                .sort(([a], [b]) => b.length - a.length)
                .map(([, pattern]) => pattern)
        };
        let out = text;
        for (const secret of this.sorted.exact) {
            if (out.includes(secret))
                out = out.split(secret).join('***');
        }
        // A value with spaces that the text broke across lines, or re-indented.
        for (const pattern of this.sorted.wrapped)
            out = out.replace(pattern, '***');
        return out;
    }
    /**
     * Every string inside a plain data value redacted, for data that is escaped before it is shown
     * (the job summary) or written as JSON (manifests): once escaped, a secret would no longer match.
     */
    redactDeep(value) {
        if (this.secrets.size === 0)
            return value;
        return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === 'string' ? this.redact(v) : v)));
    }
}


/***/ }),

/***/ 87629:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ runnerTemp),
/* harmony export */   d: () => (/* binding */ createRunDir)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/** The folder of one run under RUNNER_TEMP, where the action leaves its files (manifest, log). */




/** The runner's temporary folder, emptied after each job; the system's outside a runner. */
function runnerTemp() {
    return process.env.RUNNER_TEMP || node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir();
}
/** A directory of this run under RUNNER_TEMP for the files the action leaves (manifest, log). */
async function createRunDir() {
    const runDir = node_path__WEBPACK_IMPORTED_MODULE_3__.join(runnerTemp(), `packer-image-action-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(runDir, { recursive: true });
    return runDir;
}


/***/ }),

/***/ 47360:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MP: () => (/* binding */ hasResources),
/* harmony export */   Rf: () => (/* binding */ afterPackerExit),
/* harmony export */   g_: () => (/* binding */ AwsResourceTracker),
/* harmony export */   hH: () => (/* binding */ emptyResources),
/* harmony export */   tK: () => (/* binding */ parseResources)
/* harmony export */ });
/* harmony import */ var _action_dictionary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44276);

function emptyResources() {
    return { regions: [], instances: [], keyPairs: [], securityGroups: [], amis: [] };
}
function hasResources(r) {
    return r.instances.length + r.keyPairs.length + r.securityGroups.length + r.amis.length > 0;
}
/** Packer's `say` lines that name a temporary resource, after `==> <build>: `. */
const SAID = [
    ['keyPairs', /^Creating temporary key ?pair: (\S+)$/i],
    ['securityGroups', /^Creating temporary security group for this instance: (\S+)$/i],
    ['instances', /^Waiting for instance \((i-[0-9a-f]+)\) to become ready/]
];
/** The `message` lines after `    <build>: `, and the `say` line each must follow. */
const INSTANCE_ID = /^Instance ID: (i-[0-9a-f]+)$/;
const LAUNCHING = /^(?:Launching a (?:source|spot) AWS instance|Adding tags to source instance)/;
const CREATED_AMI = /^AMI: (ami-[0-9a-f]+)$/;
const CREATING_AMI = /^Creating (?:unencrypted )?AMI \S.* from instance i-[0-9a-f]+$/;
const COPYING = /^Copying\/Encrypting AMI \(ami-[0-9a-f]+\) to other regions/;
const ABANDONED_COPY = /Error waiting for AMI \((ami-[0-9a-f]+)\) in region \(([a-z0-9-]+)\)/g;
const DEREGISTERED = /Deregistered AMI id: (ami-[0-9a-f]+)/;
/**
 * What the amazon builders print with `ui.Message` around the lines above: a `say` line from
 * Packer 1.13 on, which must not stand for the `say` line before it.
 */
const MESSAGE_TEXT = /^(?:Instance ID|AMI|Public DNS|Public IP|Private IP): /;
/** `==> build: text` (say, error) or `    build: text` (message). */
const SAY_LINE = /^==> ([^\s:]+): ([^]*)$/;
const MESSAGE_LINE = /^ {4}([^\s:]+): ([^]*)$/;
/** The builder is done and its artifact is final: post-processors start, or the build ends. */
const BUILDER_DONE = /^\s*(?:==> )?[^\s:]+: Running post-processor|^Build '[^']+' finished/;
const BUILD_PREFIX = /^\s*(?:==> )?([^\s:]+): /;
/** Words every line above contains. */
const RELEVANT = /AMI|temporary|Instance|post-processor|^Build '|^==> /;
const BUILD_IN_LIFECYCLE = /^Build '([^']+)' finished/;
class AwsResourceTracker {
    resources = emptyResources();
    /** Per build, the AMI created in the build's own region (before any copy to other regions). */
    primaryAmis = (0,_action_dictionary_js__WEBPACK_IMPORTED_MODULE_0__/* .dictionary */ .z)();
    /** Per build, the text of its last `say` line. */
    lastSay = new Map();
    /** Builds that started copying their AMI to other regions. */
    copying = new Set();
    /** Builds that launched their instance, and those whose instance Packer waited for. */
    launched = new Set();
    waited = new Set();
    /**
     * Packer does not print the build's region; the runner's (AWS_REGION, AWS_DEFAULT_REGION, as
     * aws-actions/configure-aws-credentials sets them) is where the post step looks.
     */
    constructor(regions = [], since = new Date()) {
        this.resources.regions = [...new Set(regions.filter(Boolean))];
        this.resources.since = since.toISOString();
    }
    /** Follows one machine-readable line; true when what is saved should change. */
    consume(line) {
        if (line.type !== 'ui' || line.data.length < 2)
            return false;
        const text = line.data[1];
        // Every line of a build passes here: one search rules out nearly all of them.
        if (!RELEVANT.test(text))
            return false;
        // `ui` lines carry the build in the text (`    amazon-ebs.app: AMI: ami-…`), not the target.
        const build = line.target || BUILD_PREFIX.exec(text)?.[1] || '';
        const kind = line.data[0];
        const said = kind === 'say' ? SAY_LINE.exec(text) : null;
        const message = kind === 'message' ? MESSAGE_LINE.exec(text) : null;
        let changed = false;
        const add = (list, id) => {
            if (this.resources[list].includes(id))
                return;
            this.resources[list].push(id);
            changed = true;
        };
        /** A `message` line, or (Packer 1.13+) a `say` line that was one. */
        const onMessage = (name, body) => {
            const after = this.lastSay.get(name) ?? '';
            const instance = LAUNCHING.test(after) && !this.waited.has(name) ? INSTANCE_ID.exec(body)?.[1] : undefined;
            if (instance)
                add('instances', instance);
            const created = CREATING_AMI.test(after) ? CREATED_AMI.exec(body)?.[1] : undefined;
            if (created) {
                if (!(name in this.primaryAmis))
                    this.primaryAmis[name] = created;
                changed = this.addAmi({ id: created, region: '', build: name }) || changed;
            }
        };
        if (said) {
            const [, name, body] = said;
            if (MESSAGE_TEXT.test(body)) {
                onMessage(name, body);
            }
            else {
                for (const [list, pattern] of SAID) {
                    const match = pattern.exec(body);
                    if (!match)
                        continue;
                    if (list === 'instances') {
                        // Only the instance the build launched, once.
                        if (!this.launched.has(name) || this.waited.has(name))
                            continue;
                        this.waited.add(name);
                    }
                    else if (this.launched.has(name)) {
                        continue; // the key pair and security group come before the instance
                    }
                    add(list, match[1]);
                }
                if (LAUNCHING.test(body))
                    this.launched.add(name);
                if (COPYING.test(body) && name in this.primaryAmis)
                    this.copying.add(name);
                this.lastSay.set(name, body);
            }
        }
        else if (message) {
            onMessage(message[1], message[2]);
        }
        // One message can list several copies (`2 error(s) occurred: * Error waiting for AMI …`):
        // Packer's own error, a say or error line, once the build is copying.
        if (kind !== 'message' && this.copying.has(build)) {
            for (const copy of text.matchAll(ABANDONED_COPY)) {
                changed = this.addAmi({ id: copy[1], region: copy[2], build }) || changed;
            }
        }
        const deregistered = DEREGISTERED.exec(text)?.[1];
        if (deregistered)
            changed = this.dropAmis((a) => a.id === deregistered) || changed;
        if (BUILDER_DONE.test(text)) {
            const done = BUILD_IN_LIFECYCLE.exec(text)?.[1] ?? build;
            changed = this.dropAmis((a) => a.build === done) || changed;
        }
        return changed;
    }
    get current() {
        return {
            regions: [...this.resources.regions],
            ...(this.resources.since ? { since: this.resources.since } : {}),
            instances: [...this.resources.instances],
            keyPairs: [...this.resources.keyPairs],
            securityGroups: [...this.resources.securityGroups],
            amis: this.resources.amis.map((a) => ({ ...a }))
        };
    }
    addAmi(ami) {
        if (this.resources.amis.some((a) => a.id === ami.id))
            return false;
        this.resources.amis.push(ami);
        return true;
    }
    dropAmis(match) {
        const before = this.resources.amis.length;
        this.resources.amis = this.resources.amis.filter((a) => !match(a));
        return this.resources.amis.length !== before;
    }
}
/**
 * What Packer's own cleanup has taken care of once it exits on its own: the temporary key pair,
 * security group and instance. AMIs it left registered remain.
 */
function afterPackerExit(resources) {
    return { ...resources, instances: [], keyPairs: [], securityGroups: [] };
}
/** Reads the saved state back; anything malformed counts as nothing saved. */
function parseResources(text) {
    if (!text)
        return emptyResources();
    try {
        const value = JSON.parse(text);
        const list = (v) => Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
        const amis = Array.isArray(value.amis)
            ? value.amis.filter((a) => typeof a === 'object' &&
                a !== null &&
                typeof a.id === 'string' &&
                typeof a.region === 'string' &&
                typeof a.build === 'string')
            : [];
        return {
            regions: list(value.regions),
            ...(typeof value.since === 'string' ? { since: value.since } : {}),
            instances: list(value.instances),
            keyPairs: list(value.keyPairs),
            securityGroups: list(value.securityGroups),
            amis
        };
    }
    catch {
        return emptyResources();
    }
}


/***/ }),

/***/ 22754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F9: () => (/* binding */ HttpStatusError),
/* harmony export */   Oj: () => (/* binding */ ARCHIVE_LIMITS),
/* harmony export */   Si: () => (/* binding */ INDEX_LIMITS),
/* harmony export */   _7: () => (/* binding */ Downloader),
/* harmony export */   tA: () => (/* binding */ SIGNED_FILE_LIMITS),
/* harmony export */   w6: () => (/* binding */ DEFAULT_DOWNLOAD_OPTIONS)
/* harmony export */ });
/* unused harmony exports DownloadLimitError, DownloadCancelled, isRetryable, backoffDelay */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(33838);
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(44942);
/* harmony import */ var _action_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(78055);








const DEFAULT_DOWNLOAD_OPTIONS = {
    attempts: 4,
    baseDelayMs: 1000,
    maxDelayMs: 10000,
    idleTimeoutMs: 30000,
    userAgent: 'packer-image-action'
};
const MiB = 1024 * 1024;
/** index.json: HashiCorp's, with every release since 0.1, is well under 2 MiB. */
const INDEX_LIMITS = {
    maxBytes: 32 * MiB,
    deadlineMs: 60_000,
    what: 'a release index'
};
/** SHA256SUMS and its signatures: a few kilobytes. */
const SIGNED_FILE_LIMITS = {
    maxBytes: 1 * MiB,
    deadlineMs: 60_000,
    what: 'a checksum or signature file'
};
/**
 * Zips: bounded in the end by the signed checksum, but only once they are whole. Packer's are
 * under 100 MiB; the limit is ten times that, and the deadline allows about 1 MiB/s for it.
 */
const ARCHIVE_LIMITS = {
    maxBytes: 1024 * MiB,
    deadlineMs: 20 * 60_000,
    what: 'a release archive'
};
function formatBytes(bytes) {
    return bytes >= MiB && bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes} bytes`;
}
/** A download that broke one of its limits; retrying would not help. */
class DownloadLimitError extends _action_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .lZ {
}
function deadlineError(url, limits, cause) {
    return new DownloadLimitError(`GET ${url} did not finish within ${limits.deadlineMs / 1000} s, the limit for ${limits.what}` +
        (cause === undefined ? '' : ` (last error: ${(0,_action_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .getErrorMessage */ .u1)(cause)})`));
}
function sizeError(url, limits, announced) {
    return new DownloadLimitError(announced === undefined
        ? `GET ${url} sent more than ${formatBytes(limits.maxBytes)}, the limit for ${limits.what}; refused`
        : `GET ${url} announced ${announced} bytes, more than ${formatBytes(limits.maxBytes)}, the limit for ${limits.what}; refused`);
}
/** An HTTP status that ends a download; retryable for 408, 429 and 5xx. */
class HttpStatusError extends _action_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .lZ {
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
class DownloadCancelled extends _action_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .lZ {
    url;
    constructor(url) {
        super(`GET ${url} was cancelled`);
        this.url = url;
    }
}
function isRetryable(error) {
    if (error instanceof DownloadCancelled || error instanceof DownloadLimitError)
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
async function withRetries(url, options, cancelled, attempt, deadline) {
    for (let n = 1;; n++) {
        try {
            return await attempt();
        }
        catch (error) {
            if (cancelled())
                throw new DownloadCancelled(url);
            if (deadline && !(error instanceof DownloadLimitError) && Date.now() >= deadline.at)
                throw deadlineError(url, deadline.limits, error);
            if (!isRetryable(error) || n >= options.attempts) {
                if (error instanceof HttpStatusError || n === 1)
                    throw error;
                throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .lZ(`GET ${url} failed after ${n} attempts: ${(0,_action_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .getErrorMessage */ .u1)(error)}`);
            }
            const delay = backoffDelay(n, options, error instanceof HttpStatusError ? error.retryAfterMs : undefined);
            _actions_core__WEBPACK_IMPORTED_MODULE_5__/* .info */ .pq(`${(0,_action_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .getErrorMessage */ .u1)(error)}; retrying in ${(delay / 1000).toFixed(1)} s ` +
                `(attempt ${n + 1} of ${options.attempts})`);
            await sleep(deadline ? Math.max(0, Math.min(delay, deadline.at - Date.now())) : delay);
            if (cancelled())
                throw new DownloadCancelled(url);
            if (deadline && Date.now() >= deadline.at)
                throw deadlineError(url, deadline.limits, error);
        }
    }
}
/**
 * Fails the body stream when no byte arrives for `ms`, when it ends short of Content-Length, when
 * it grows past its size limit (or announces that it will), and at its deadline.
 */
function guardBody(message, url, ms, limits, deadlineAt) {
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
    const deadline = setTimeout(() => fail(deadlineError(url, limits)), Math.max(0, deadlineAt - Date.now()));
    const stop = () => {
        clearTimeout(timer);
        clearTimeout(deadline);
    };
    if (Number.isFinite(expected) && expected > limits.maxBytes) {
        queueMicrotask(() => fail(sizeError(url, limits, expected)));
    }
    else
        arm();
    return new node_stream__WEBPACK_IMPORTED_MODULE_4__.Transform({
        transform(chunk, _encoding, callback) {
            received += chunk.length;
            if (received > limits.maxBytes) {
                stop();
                const error = sizeError(url, limits);
                fail(error);
                callback(error);
                return;
            }
            arm();
            callback(null, chunk);
        },
        flush(callback) {
            stop();
            if (Number.isFinite(expected) && received !== expected) {
                callback(new Error(`${url} ended after ${received} of ${expected} bytes`));
            }
            else
                callback();
        },
        destroy(error, callback) {
            stop();
            callback(error);
        }
    });
}
async function open(client, url) {
    const response = await client.get(url);
    const status = response.message.statusCode ?? 0;
    if (status < 200 || status >= 300) {
        response.message.resume();
        throw new HttpStatusError(url, status, parseRetryAfter(response.message.headers['retry-after']));
    }
    return response.message;
}
function createClient(options) {
    return new _actions_http_client__WEBPACK_IMPORTED_MODULE_6__/* .HttpClient */ .Qq(options.userAgent, [], {
        allowRetries: false,
        allowRedirects: true,
        maxRedirects: 5,
        // Later than the body's own idle timer (guardBody), which then always fires first and says
        // what happened; this one covers a server that never sends its headers.
        socketTimeout: options.idleTimeoutMs + 1000,
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
    /**
     * One GET with retries: `consume` reads the guarded body, and runs again on a retry. The
     * deadline covers every attempt and the waits between them.
     */
    get(url, limits, consume) {
        const at = Date.now() + limits.deadlineMs;
        return withRetries(url, this.options, () => this.disposed, () => new Promise((resolve, reject) => {
            // Until the body starts, only this timer bounds a server that is slow to answer.
            const timer = setTimeout(() => reject(deadlineError(url, limits)), Math.max(0, at - Date.now()));
            const attempt = async () => {
                const message = this.track(await open(this.client, url));
                if (Date.now() >= at) {
                    message.destroy();
                    throw deadlineError(url, limits);
                }
                const body = guardBody(message, url, this.options.idleTimeoutMs, limits, at);
                message.on('error', (error) => body.destroy(error));
                return consume(message.pipe(body));
            };
            attempt()
                .then(resolve, reject)
                .finally(() => clearTimeout(timer));
        }), { at, limits });
    }
    /** GETs a small file into memory, within `limits` (those of a release index by default). */
    async fetchBytes(url, limits = INDEX_LIMITS) {
        return this.get(url, limits, async (body) => {
            const chunks = [];
            for await (const chunk of body)
                chunks.push(chunk);
            return Buffer.concat(chunks);
        });
    }
    /**
     * GETs a file to `dest`, hashing it on the way, within `limits` (those of a release archive by
     * default); returns its SHA-256 in hex.
     */
    async downloadFile(url, dest, limits = ARCHIVE_LIMITS) {
        return this.get(url, limits, async (body) => {
            const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
            const hasher = new node_stream__WEBPACK_IMPORTED_MODULE_4__.Transform({
                transform(chunk, _encoding, callback) {
                    hash.update(chunk);
                    callback(null, chunk);
                }
            });
            try {
                await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)(body, hasher, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(dest));
            }
            catch (error) {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(dest, { force: true });
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


/***/ }),

/***/ 4011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FJ: () => (/* binding */ parseConstraint),
/* harmony export */   GY: () => (/* binding */ parseInstalledPluginFileName),
/* harmony export */   Km: () => (/* binding */ resolvePluginVersion),
/* harmony export */   gl: () => (/* binding */ officialPluginName),
/* harmony export */   hg: () => (/* binding */ pluginDirectory),
/* harmony export */   ij: () => (/* binding */ checkDescribe),
/* harmony export */   jG: () => (/* binding */ installedPluginFileName),
/* harmony export */   ll: () => (/* binding */ newestFirst),
/* harmony export */   mE: () => (/* binding */ manifestProtocol)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _action_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(78055);
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
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`${what}: version constraint '${constraint}' is not one Packer reads ` +
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
    throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`No release of ${plugin} satisfies '${constraint || '(any version)'}' in ${source}; ` +
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
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`${what} has no usable metadata.protocol_version (found ${JSON.stringify(protocol ?? null)})`);
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
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`${what}: 'describe' did not print JSON`);
    }
    const version = typeof described.version === 'string' ? described.version : '';
    const api = typeof described.api_version === 'string' ? described.api_version : '';
    const same = parseVersion(version) && compare(parseVersion(version), parseVersion(expected.version)) === 0;
    if (!same || api !== `x${expected.protocol}`) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`${what} describes itself as version '${version}' with API '${api}', ` +
            `but the release is ${expected.version} with API x${expected.protocol}`);
    }
}
/**
 * The folder plugins are installed into, as the running Packer reads PACKER_PLUGIN_PATH: unset, the
 * user's `~/.config/packer/plugins`; one path, that path. Several paths (the platform's list
 * separator) were searched in turn through Packer 1.10, whose `packer init` installs into the last;
 * Packer 1.11 and later refuse them, so the action does too, naming each path.
 */
function pluginDirectory(value, packerVersion, home, separator) {
    if (!value)
        return node_path__WEBPACK_IMPORTED_MODULE_0__.join(home, '.config', 'packer', 'plugins');
    if (!value.includes(separator))
        return value;
    const paths = value.split(separator);
    const [major, minor] = packerVersion.split('.').map(Number);
    if (major > 1 || (major === 1 && minor >= 11)) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`PACKER_PLUGIN_PATH holds several paths (${paths.join(', ')}); Packer ${packerVersion} reads ` +
            'one (multiple paths are no longer supported since Packer 1.11): set it to one of them');
    }
    return paths[paths.length - 1];
}


/***/ }),

/***/ 33085:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zT: () => (/* binding */ downloadReleaseFiles),
  nj: () => (/* binding */ trustedReleaseKeys),
  Wc: () => (/* binding */ verifyReleaseFiles)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./src/action/errors.ts
var errors = __webpack_require__(78055);
// EXTERNAL MODULE: ./src/installer/download.ts
var download = __webpack_require__(22754);
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

;// CONCATENATED MODULE: ./src/installer/release-files.ts
/**
 * The one verified path every release takes, Packer's and each official plugin's: the checksums, a
 * signature and the archive (plus any small extra file) are downloaded side by side from the
 * configured base URL, the signature is checked against the trusted keys, and the archive's SHA-256
 * against the signed checksums. Nothing is used before both checks pass.
 */






/** The keys releases must be signed with: the releases-signing-key, or HashiCorp's embedded key. */
async function trustedReleaseKeys(signingKey) {
    const { readTrustedKeys, formatFingerprint } = await Promise.all(/* import() */[__webpack_require__.e(74), __webpack_require__.e(227)]).then(__webpack_require__.bind(__webpack_require__, 93227));
    return readTrustedKeys(signingKey || HASHICORP_RELEASE_KEY, signingKey
        ? 'the releases-signing-key'
        : `HashiCorp's release key ${formatFingerprint(HASHICORP_RELEASE_KEY_FINGERPRINT)}`);
}
/** Downloads the files into `dir`; the first failure stops the others. A 404 names the file. */
async function downloadReleaseFiles(downloader, names, url, dir) {
    const extras = names.extras ?? [];
    for (const name of [names.sums, names.signature, names.archive, ...extras])
        core/* info */.pq(url(name));
    const missing = (name) => (error) => {
        if (error instanceof download/* HttpStatusError */.F9 && error.status === 404) {
            throw new errors/* ActionError */.lZ(`${names.label}: ${name} is missing (HTTP 404 at ${error.url})`);
        }
        throw error;
    };
    const archivePath = external_node_path_.join(dir, names.archive);
    const [sums, signature, archiveHash, ...extraBodies] = await Promise.all([
        downloader.fetchBytes(url(names.sums), download/* SIGNED_FILE_LIMITS */.tA).catch(missing(names.sums)),
        downloader.fetchBytes(url(names.signature), download/* SIGNED_FILE_LIMITS */.tA).catch(missing(names.signature)),
        downloader
            .downloadFile(url(names.archive), archivePath, download/* ARCHIVE_LIMITS */.Oj)
            .catch(missing(names.archive)),
        ...extras.map((name) => downloader.fetchBytes(url(name), download/* SIGNED_FILE_LIMITS */.tA).catch(missing(name)))
    ]).catch((error) => {
        downloader.dispose();
        throw error;
    });
    return {
        sums: sums,
        signature: signature,
        archivePath,
        archiveHash: archiveHash,
        extras: extraBodies
    };
}
/**
 * Checks the signature of the checksums, then the archive against them; throws on either. An extra
 * file the checksums list is checked too (HashiCorp lists a release's `_manifest.json`); one they do
 * not list is only ever cross-checked against what the signed archive holds.
 */
async function verifyReleaseFiles(downloaded, names, trusted) {
    const { verifyDetachedSignature, parseSha256Sums, expectedSha256, formatFingerprint } = await Promise.all(/* import() */[__webpack_require__.e(74), __webpack_require__.e(227)]).then(__webpack_require__.bind(__webpack_require__, 93227));
    const check = await verifyDetachedSignature(downloaded.sums, downloaded.signature, trusted, names.sums);
    core/* info */.pq(`${names.sums}: good signature by ${formatFingerprint(check.signingKeyFingerprint)}` +
        (check.signingKeyFingerprint === check.primaryFingerprint
            ? ''
            : ` (subkey of ${formatFingerprint(check.primaryFingerprint)})`));
    const sums = parseSha256Sums(downloaded.sums.toString('utf8'));
    const expected = expectedSha256(sums, names.archive, names.sums);
    if (expected !== downloaded.archiveHash) {
        throw new errors/* ActionError */.lZ(`${names.archive} does not match ${names.sums}: its SHA-256 is ${downloaded.archiveHash}, ` +
            `the signed checksum is ${expected}`);
    }
    core/* info */.pq(`${names.archive}: SHA-256 ${downloaded.archiveHash} matches`);
    for (const [index, name] of (names.extras ?? []).entries()) {
        const listed = sums.get(name);
        if (!listed)
            continue;
        const hash = (0,external_node_crypto_.createHash)('sha256').update(downloaded.extras[index]).digest('hex');
        if (hash !== listed) {
            throw new errors/* ActionError */.lZ(`${name} does not match ${names.sums}: its SHA-256 is ${hash}, the signed checksum is ${listed}`);
        }
        core/* info */.pq(`${name}: SHA-256 ${hash} matches`);
    }
}


/***/ }),

/***/ 69276:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ checkReleaseFiles),
/* harmony export */   A1: () => (/* binding */ parseIndex),
/* harmony export */   E5: () => (/* binding */ indexUrl),
/* harmony export */   Pl: () => (/* binding */ releaseFileUrl),
/* harmony export */   bm: () => (/* binding */ selectSignatureFile),
/* harmony export */   x: () => (/* binding */ resolveVersion),
/* harmony export */   zu: () => (/* binding */ selectBuild)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _action_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(78055);


const SAFE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
function fileName(value, what) {
    if (typeof value !== 'string' || !SAFE_FILE_NAME.test(value)) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`index.json has an unusable ${what}: ${JSON.stringify(value)}`);
    }
    return value;
}
/**
 * Reads `<releases-url>/<product>/index.json` as HashiCorp's release server writes it. Entries whose
 * version is not semver are skipped; file names must be plain names (no path), since every URL is
 * built from the configured base rather than from the absolute `url` fields a mirror copies unchanged.
 */
function parseIndex(document, product = 'packer') {
    const versions = document?.versions;
    if (typeof versions !== 'object' || versions === null) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('index.json has no "versions" object');
    }
    const index = new Map();
    for (const [key, raw] of Object.entries(versions)) {
        if (typeof raw !== 'object' || raw === null)
            continue;
        const entry = raw;
        const version = semver__WEBPACK_IMPORTED_MODULE_0___default().valid(typeof entry.version === 'string' ? entry.version : key);
        if (!version)
            continue;
        const signatures = Array.isArray(entry.shasums_signatures)
            ? entry.shasums_signatures
            : entry.shasums_signature
                ? [entry.shasums_signature]
                : [];
        index.set(version, {
            version,
            shasums: fileName(entry.shasums ?? `${product}_${version}_SHA256SUMS`, 'shasums file name'),
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
    const list = semver__WEBPACK_IMPORTED_MODULE_0___default().rsort([...versions]).slice(0, count);
    return list.join(', ') + (versions.length > count ? `, … (${versions.length} in all)` : '');
}
/**
 * Resolves `latest`, an exact version or a semver range against the versions that exist.
 * `latest` and ranges never pick a prerelease; an exact prerelease may be asked for by name.
 */
function resolveVersion(available, spec, source) {
    const versions = [...available];
    const stable = versions.filter((v) => semver__WEBPACK_IMPORTED_MODULE_0___default().prerelease(v) === null);
    if (versions.length === 0) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`${source} lists no Packer versions`);
    }
    if (spec === 'latest') {
        const latest = semver__WEBPACK_IMPORTED_MODULE_0___default().maxSatisfying(stable, '*');
        if (!latest)
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`${source} lists no stable Packer release`);
        return latest;
    }
    const exact = semver__WEBPACK_IMPORTED_MODULE_0___default().valid(spec);
    if (exact) {
        const found = versions.find((v) => semver__WEBPACK_IMPORTED_MODULE_0___default().eq(v, exact));
        if (!found) {
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Packer version '${spec}' does not exist in ${source}; the newest releases are ${newest(stable, 8)}`);
        }
        return found;
    }
    const match = semver__WEBPACK_IMPORTED_MODULE_0___default().maxSatisfying(stable, spec);
    if (!match) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`No Packer release satisfies '${spec}' in ${source}; the newest releases are ${newest(stable, 8)}`);
    }
    return match;
}
/**
 * Checks that the files a release's entry names are that release's: HashiCorp names each after
 * the product, version, OS and architecture, and the signature covers the checksums, not the entry
 * of index.json (which is not signed). Without this, a mirror could list an older signed release's
 * files under a newer version, and the older Packer would pass every check as the newer one.
 */
function checkReleaseFiles(product, release, build, signature) {
    const sums = `${product}_${release.version}_SHA256SUMS`;
    const zip = `${product}_${release.version}_${build.os}_${build.arch}.zip`;
    const wrong = [
        release.shasums === sums ? '' : `checksums '${release.shasums}' (expected '${sums}')`,
        build.filename === zip ? '' : `archive '${build.filename}' (expected '${zip}')`,
        signature.startsWith(`${sums}.`) ? '' : `signature '${signature}' (expected '${sums}.…sig')`
    ].filter(Boolean);
    if (wrong.length > 0) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`index.json lists files for ${product} ${release.version} that are not named for that version, OS and architecture: ${wrong.join(', ')}`);
    }
}
function selectBuild(release, platform, what = `Packer ${release.version}`) {
    const build = release.builds.find((b) => b.os === platform.os && b.arch === platform.arch);
    if (!build) {
        const offered = release.builds.map((b) => `${b.os}/${b.arch}`).join(', ') || 'none';
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`${what} has no build for ${platform.os}/${platform.arch}; it is released for: ${offered}`);
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


/***/ }),

/***/ 74857:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G2: () => (/* binding */ promotedOutput),
/* harmony export */   Qm: () => (/* binding */ runUrlOf),
/* harmony export */   Yh: () => (/* binding */ PROMOTE_OWN_TAGS),
/* harmony export */   l$: () => (/* binding */ parseAccountIds),
/* harmony export */   z: () => (/* binding */ planPromotion)
/* harmony export */ });
/* unused harmony exports PROMOTED_AT_TAG, PROMOTED_BY_RUN_TAG */
/* harmony import */ var _action_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78055);
/**
 * Promotion planning for `command: promote`. Pure code: from the AMIs of a build and their
 * described state, the tags to write on each AMI and its snapshots, refusing the whole promotion
 * when any AMI is missing or not available, so that a stage never holds half a release.
 */

const PROMOTED_AT_TAG = 'promoted-at';
const PROMOTED_BY_RUN_TAG = 'promoted-by-run';
/** The tags promote writes besides the stage tag, which therefore cannot hold the stage. */
const PROMOTE_OWN_TAGS = [PROMOTED_AT_TAG, PROMOTED_BY_RUN_TAG];
/**
 * The promotions to carry out, one per AMI (in build, then region order). An AMI whose stage tag
 * already equals `stage` is reported unchanged and not re-tagged: `promoted-at` and
 * `promoted-by-run` keep saying when and by which run it first reached the stage, and a re-run of
 * the workflow is a no-op. Sharing is still listed for such an AMI, since adding a launch
 * permission that exists changes nothing and completes a share an earlier run did not finish.
 */
function planPromotion(options) {
    const stageTag = options.stageTag ?? 'status';
    if (PROMOTE_OWN_TAGS.includes(stageTag)) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The stage tag cannot be ${stageTag}, a tag that promote writes itself (${PROMOTE_OWN_TAGS.join(', ')})`);
    }
    checkTag(stageTag, options.stage);
    checkTagValue(PROMOTED_BY_RUN_TAG, options.runUrl);
    const shareWith = options.shareWith ?? [];
    for (const account of shareWith)
        checkAccountId(account);
    const byRegionAndId = new Map(options.images.map((i) => [`${i.region} ${i.id}`, i]));
    const problems = [];
    const promotions = [];
    const seen = new Set();
    for (const build of Object.keys(options.amiIds).sort()) {
        const regions = options.amiIds[build];
        for (const region of Object.keys(regions).sort()) {
            const imageId = regions[region];
            const key = `${region} ${imageId}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            const image = byRegionAndId.get(key);
            if (!image || image.state === 'deregistered') {
                problems.push(`AMI ${imageId} (build "${build}") does not exist in ${region} or is not visible to this account`);
                continue;
            }
            if (image.state !== 'available') {
                problems.push(`AMI ${imageId} (build "${build}") in ${region} is "${image.state}"; expected "available"`);
                continue;
            }
            const changed = image.tags[stageTag] !== options.stage;
            promotions.push({
                build,
                region,
                imageId,
                snapshotIds: [...image.snapshotIds].sort(),
                changed,
                tags: changed
                    ? {
                        [stageTag]: options.stage,
                        [PROMOTED_AT_TAG]: options.now.toISOString(),
                        [PROMOTED_BY_RUN_TAG]: options.runUrl
                    }
                    : {},
                shareWith
            });
        }
    }
    if (problems.length > 0) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Refusing to promote to "${options.stage}": ${problems.join('; ')}. No AMI was tagged.`);
    }
    if (promotions.length === 0)
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('ami-ids holds no AMI id to promote');
    return promotions;
}
/** The `promoted` step output. */
function promotedOutput(promotions, stage) {
    return promotions.map((p) => ({
        build: p.build,
        region: p.region,
        ami: p.imageId,
        snapshots: p.snapshotIds,
        stage,
        changed: p.changed,
        sharedWith: p.shareWith
    }));
}
/** The URL of the current run (and attempt, after a re-run) from the runner's environment. */
function runUrlOf(env) {
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    const { GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env;
    if (!repository || !runId) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('GITHUB_REPOSITORY and GITHUB_RUN_ID are not set: not running in Actions?');
    }
    const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1');
    const base = `${server}/${repository}/actions/runs/${runId}`;
    return attempt > 1 ? `${base}/attempts/${attempt}` : base;
}
/** Comma- or newline-separated 12-digit AWS account ids. */
function parseAccountIds(text) {
    const ids = text
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
    for (const id of ids)
        checkAccountId(id);
    return [...new Set(ids)];
}
function checkAccountId(id) {
    if (!/^\d{12}$/.test(id)) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`share-with: "${id}" is not an AWS account id; expected 12 digits`);
    }
}
// EC2 tag limits: keys up to 128 characters, values up to 256, `aws:` reserved, and this set of
// characters (letters, digits and spaces of any language, and _ . : / = + - @).
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
function checkTag(key, value) {
    if (key === '' || key.length > 128 || !TAG_CHARACTERS.test(key)) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Input 'stage-tag' is "${key}", which is not a valid EC2 tag key; expected 1 to 128 letters, digits, spaces or _ . : / = + - @`);
    }
    if (key.toLowerCase().startsWith('aws:')) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Input 'stage-tag' is "${key}", which starts with "aws:", a prefix AWS reserves`);
    }
    if (value.trim() === '')
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('stage is empty; expected e.g. "staging"');
    checkTagValue(key, value);
}
function checkTagValue(key, value) {
    if (value.length > 256 || !TAG_CHARACTERS.test(value)) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The value "${value}" of tag "${key}" is not a valid EC2 tag value; expected up to 256 letters, digits, spaces or _ . : / = + - @`);
    }
}


/***/ }),

/***/ 1642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QI: () => (/* binding */ inUseReasons),
/* harmony export */   SA: () => (/* binding */ planRetention),
/* harmony export */   e8: () => (/* binding */ parseImageTags),
/* harmony export */   pZ: () => (/* binding */ parseMinAge)
/* harmony export */ });
/* unused harmony export matchesNameFilter */
/* harmony import */ var _action_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78055);
/* harmony import */ var _action_dictionary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44276);
/**
 * Retention planning for `command: cleanup`. Pure code: given every image the account owns (with
 * what is in use), decide per region which images to deregister and which snapshots go with them,
 * and say why each other candidate is kept.
 */


/** States whose images can be launched, or soon can: only these take one of the `keep` places. */
const RANKED_STATES = new Set(['available', 'pending']);
/**
 * Decides what to delete. An image is kept, with the first reason that applies: it is in use; it
 * is pending; it is disabled (someone chose to keep it, and may enable it again); it is one of the
 * `keep` newest launchable candidates of its region (available or pending: a failed image does not
 * take the place of one that works); it is younger than the minimum age. Every other candidate is
 * deleted. Ties in creation date are broken by image id so the plan does not depend on the order
 * EC2 listed images in.
 */
function planRetention(options) {
    const { images, inUse, keep, minAgeMs, nameFilter, tags = {} } = options;
    if (!Number.isInteger(keep) || keep < 0) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`keep must be a whole number of images, 0 or more; got ${keep}`);
    }
    const now = typeof options.now === 'number' ? options.now : options.now.getTime();
    const created = new Map();
    for (const image of images) {
        const time = Date.parse(image.creationDate);
        if (Number.isNaN(time)) {
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Image ${image.id} in ${image.region} has creation date "${image.creationDate}"; expected an ISO 8601 time`);
        }
        created.set(image.id, time);
    }
    const live = images.filter((i) => i.state !== 'deregistered');
    const candidates = live.filter((i) => (nameFilter === undefined || matchesNameFilter(i.name, nameFilter)) &&
        Object.entries(tags).every(([k, v]) => i.tags[k] === v));
    const newestFirst = (a, b) => created.get(b.id) - created.get(a.id) || compare(a.id, b.id);
    const deleted = [];
    const kept = [];
    for (const region of [...new Set(candidates.map((i) => i.region))].sort(compare)) {
        const inRegion = candidates.filter((i) => i.region === region).sort(newestFirst);
        let ranked = 0;
        for (const image of inRegion) {
            const rank = RANKED_STATES.has(image.state) ? ranked++ : Infinity;
            const reason = inUse.get(image.id) ??
                (image.state === 'pending' ? 'pending' : undefined) ??
                (image.state === 'disabled' ? 'disabled' : undefined) ??
                (rank < keep ? `newest ${keep}` : undefined) ??
                (minAgeMs !== undefined && now - created.get(image.id) < minAgeMs
                    ? 'younger than min-age'
                    : undefined);
            if (reason === undefined)
                deleted.push(image);
            else
                kept.push({
                    region,
                    imageId: image.id,
                    name: image.name,
                    creationDate: image.creationDate,
                    reason
                });
        }
    }
    const deletedIds = new Set(deleted.map((i) => i.id));
    const protectedSnapshots = new Set(live.filter((i) => !deletedIds.has(i.id)).flatMap((i) => i.snapshotIds));
    const ordered = deleted.sort((a, b) => compare(a.region, b.region) || -newestFirst(a, b));
    // A snapshot shared by two deleted images can only go once both are deregistered.
    const lastUser = new Map();
    for (const image of ordered)
        for (const s of image.snapshotIds)
            lastUser.set(s, image.id);
    return {
        delete: ordered.map((image) => ({
            region: image.region,
            imageId: image.id,
            name: image.name,
            creationDate: image.creationDate,
            snapshotIds: [...new Set(image.snapshotIds)]
                .filter((s) => !protectedSnapshots.has(s) && lastUser.get(s) === image.id)
                .sort(compare)
        })),
        keep: kept
    };
}
/** Why each image is in use, from the instances and launch templates that reference it. */
function inUseReasons(instances, launchTemplates) {
    const reasons = new Map();
    const add = (imageId, reason) => {
        const list = reasons.get(imageId) ?? [];
        list.push(reason);
        reasons.set(imageId, list);
    };
    for (const i of [...instances].sort((a, b) => compare(a.instanceId, b.instanceId))) {
        add(i.imageId, `in use by instance ${i.instanceId}`);
    }
    for (const t of [...launchTemplates].sort((a, b) => compare(a.launchTemplateId, b.launchTemplateId))) {
        add(t.imageId, `used by launch template ${t.launchTemplateId} version ${t.version}`);
    }
    return new Map([...reasons].map(([id, list]) => [id, list.join('; ')]));
}
const UNIT_MS = {
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
    w: 604_800_000
};
/** `14d`, `12h`, `30m`, `2w`, `45s`, or a sum such as `1d12h`, in milliseconds. */
function parseMinAge(text) {
    const trimmed = text.trim();
    if (!/^(?:\d+[smhdw])+$/.test(trimmed)) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`min-age "${text}" is not a duration; expected a number and a unit (s, m, h, d or w), e.g. 14d, 12h, 2w or 1d12h`);
    }
    let total = 0;
    for (const [, count, unit] of trimmed.matchAll(/(\d+)([smhdw])/g)) {
        total += Number(count) * UNIT_MS[unit];
    }
    return total;
}
/** EC2's name filter semantics: `*` is any run of characters, `?` one character, case-sensitive. */
function matchesNameFilter(name, pattern) {
    const source = [...pattern]
        .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
        .join('');
    return new RegExp(`^${source}$`, 'su').test(name);
}
/** `key=value` lines (blank lines skipped); the value may be empty or contain `=`. */
function parseImageTags(text) {
    const tags = (0,_action_dictionary_js__WEBPACK_IMPORTED_MODULE_1__/* .dictionary */ .z)();
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '')
            return;
        const eq = line.indexOf('=');
        const key = eq < 0 ? '' : line.slice(0, eq).trim();
        if (key === '') {
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`image-tags line ${index + 1} ("${line}"): expected "key=value"`);
        }
        const value = line.slice(eq + 1).trim();
        if (key in tags && tags[key] !== value) {
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`image-tags line ${index + 1}: tag "${key}" is already required to be "${tags[key]}"`);
        }
        tags[key] = value;
    });
    return tags;
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 24698:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/action/cancellation.ts
class Cancellation {
    signals = 0;
    listeners = new Set();
    handler = (signal) => {
        this.signals++;
        for (const listener of this.listeners)
            listener(signal, this.signals);
    };
    get requested() {
        return this.signals > 0;
    }
    /** Listens for SIGINT and SIGTERM; until stop(), they no longer end the process. */
    start() {
        process.on('SIGINT', this.handler);
        process.on('SIGTERM', this.handler);
        return this;
    }
    stop() {
        process.off('SIGINT', this.handler);
        process.off('SIGTERM', this.handler);
    }
    onSignal(listener) {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }
}

// EXTERNAL MODULE: ./src/action/constants.ts
var constants = __webpack_require__(90915);
// EXTERNAL MODULE: ./src/action/errors.ts
var errors = __webpack_require__(78055);
// EXTERNAL MODULE: ./src/action/inputs.ts
var action_inputs = __webpack_require__(81729);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/packer/machine-readable/escape.ts
/**
 * Packer's escaping of machine-readable data fields. Its MachineReadableUi escapes every field:
 * `,` → `%!(PACKER_COMMA)`, CR → `\r`, LF → `\n` (backslashes themselves are not escaped, so a
 * literal `\n` in a message cannot be told apart from an escaped newline). Pure code: no I/O.
 */
const PACKER_COMMA = '%!(PACKER_COMMA)';
/** Undoes Packer's escaping of one data field. */
function unescapeField(s) {
    return unescapeRange(s, 0, s.length);
}
/**
 * `unescapeField(text.slice(from, to))`, driven by indexOf: the search for the whole
 * `%!(PACKER_COMMA)` token and for backslashes runs in native code. `text` is one line, so the
 * searches never run far past `to`.
 */
function unescapeRange(text, from, to) {
    let comma = nextComma(text, from, to);
    let slash = nextSlash(text, from, to);
    if (comma === -1 && slash === -1)
        return text.slice(from, to);
    let out = '';
    let copied = from;
    while (comma !== -1 || slash !== -1) {
        if (slash === -1 || (comma !== -1 && comma < slash)) {
            out += text.slice(copied, comma) + ',';
            copied = comma + PACKER_COMMA.length;
            comma = nextComma(text, copied, to);
        }
        else {
            const next = text.charCodeAt(slash + 1);
            if (slash + 1 < to && (next === 110 || next === 114)) {
                // \n or \r
                out += text.slice(copied, slash) + (next === 110 ? '\n' : '\r');
                copied = slash + 2;
            }
            slash = nextSlash(text, slash + (copied > slash ? 2 : 1), to);
        }
    }
    return out + text.slice(copied, to);
}
const commaSearch = { text: '', from: 0, at: -1 };
const slashSearch = { text: '', from: 0, at: -1 };
function search(last, text, token, from) {
    // Still the first match at or after `from`: the last search started no later and found one
    // no earlier (or none at all).
    if (last.text === text) {
        if (last.from <= from && (last.at === -1 || last.at >= from))
            return last.at;
    }
    else {
        last.text = text;
    }
    last.from = from;
    last.at = text.indexOf(token, from);
    return last.at;
}
function nextComma(text, from, to) {
    const at = search(commaSearch, text, PACKER_COMMA, from);
    return at === -1 || at + PACKER_COMMA.length > to ? -1 : at;
}
function nextSlash(text, from, to) {
    const at = search(slashSearch, text, '\\', from);
    return at === -1 || at >= to ? -1 : at;
}

;// CONCATENATED MODULE: ./src/packer/machine-readable/line.ts

function isBlank(code) {
    // space, tab, and the byte-order mark a Windows pipe may put in front of the first line
    return code === 32 || code === 9 || code === 0xfeff;
}
function isTypeChar(code) {
    return ((code >= 97 && code <= 122) || // a-z
        (code >= 65 && code <= 90) || // A-Z
        (code >= 48 && code <= 57) || // 0-9
        code === 45 || // -
        code === 95 // _
    );
}
/**
 * One machine-readable line, or undefined for anything else (plugin log lines such as
 * `2018/10/19 09:50:03 waiting for …`, blank lines, shell prompts). Leading blanks and a trailing
 * CR are tolerated. `from` and `to` delimit the line within `text`; `message`, when given, is told
 * where a ui message starts in `text`.
 */
function parseMachineReadableLine(text, from = 0, to = text.length, message) {
    if (message !== undefined)
        message.start = -1;
    // One pass of charCodeAt over the header (`timestamp,target,type,`): cheaper than indexOf calls
    // on lines this short. `text` may go on past `end` with the next lines: a read at `end` or
    // beyond gives NaN or the line break, which fails every test below, and none goes further.
    let end = to;
    while (end > from && (text.charCodeAt(end - 1) === 13 || text.charCodeAt(end - 1) === 10))
        end--;
    let i = from;
    let c = i < end ? text.charCodeAt(i) : NaN;
    while (isBlank(c))
        c = ++i < end ? text.charCodeAt(i) : NaN;
    const start = i;
    let timestamp = 0;
    while (c >= 48 && c <= 57) {
        timestamp = timestamp * 10 + (c - 48);
        c = ++i < end ? text.charCodeAt(i) : NaN;
    }
    // Unix seconds: at least one digit, and not an absurd number of them.
    if (c !== 44 || i === start || i - start > 15)
        return undefined;
    const targetStart = ++i;
    while (i < end && text.charCodeAt(i) !== 44)
        i++;
    if (i >= end)
        return undefined;
    const targetEnd = i;
    const typeStart = ++i;
    const target = targetEnd === targetStart ? '' : text.slice(targetStart, targetEnd);
    if (text.charCodeAt(typeStart) === 117 && // u
        text.charCodeAt(typeStart + 1) === 105 && // i
        text.charCodeAt(typeStart + 2) === 44) {
        // Nearly every line is `ui,<say|message|error>,<message>`: two fields, since Packer escapes
        // the commas of the message. Taking the message whole spares a split and a pass per piece.
        return { timestamp, target, type: 'ui', data: uiData(text, typeStart + 3, end, message) };
    }
    c = text.charCodeAt(i);
    while (i < end && isTypeChar(c))
        c = text.charCodeAt(++i);
    if (i === typeStart || (i < end && c !== 44))
        return undefined;
    const typeEnd = i;
    const type = text.slice(typeStart, typeEnd);
    let data;
    if (typeEnd >= end) {
        data = [];
    }
    else if (type === 'ui') {
        data = uiData(text, typeEnd + 1, end, message);
    }
    else {
        data = text.slice(typeEnd + 1, end).split(',');
        for (let k = 0; k < data.length; k++)
            data[k] = unescapeRange(data[k], 0, data[k].length);
    }
    return { timestamp, target, type, data };
}
/** The fields of a `ui` line from `from`: the kind (a constant for the three Packer prints), the message. */
function uiData(text, from, end, message) {
    // Packer prints only these three kinds; first letter, last letter and the comma after them
    // (`s…y,`, `m…e,`, `e…r,`) tell them apart at less cost than startsWith. `text` may go on past
    // `end` with the next lines, so no test reads past it.
    let kind;
    let start = -1;
    switch (text.charCodeAt(from)) {
        case 115 /* s */:
            if (from + 3 < end && text.charCodeAt(from + 3) === 44 && text.charCodeAt(from + 2) === 121) {
                kind = 'say';
                start = from + 4;
            }
            break;
        case 109 /* m */:
            if (from + 7 < end && text.charCodeAt(from + 7) === 44 && text.charCodeAt(from + 6) === 101) {
                kind = 'message';
                start = from + 8;
            }
            break;
        case 101 /* e */:
            if (from + 5 < end && text.charCodeAt(from + 5) === 44 && text.charCodeAt(from + 4) === 114) {
                kind = 'error';
                start = from + 6;
            }
            break;
    }
    if (kind === undefined) {
        const comma = text.indexOf(',', from);
        if (comma === -1 || comma >= end)
            return [unescapeRange(text, from, end)];
        kind = text.slice(from, comma);
        start = comma + 1;
    }
    if (message !== undefined)
        message.start = start;
    return [kind, unescapeRange(text, start, end)];
}
/** The text a `ui` line stands for (the message, unescaped), or undefined for other line types. */
function renderLine(line) {
    if (line.type !== 'ui' || line.data.length < 2)
        return undefined;
    return line.data.length === 2 ? line.data[1] : line.data.slice(1).join(',');
}

;// CONCATENATED MODULE: ./src/packer/diagnostics.ts


// ---------------------------------------------------------------------------------------------
// Reading the text
/** Marks a line that ends any diagnostic block (a machine-readable line of another type). */
const BREAK = null;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/**
 * A real run's timestamps are Unix seconds (nine digits or more); a shorter number in front of a
 * comma is program output, not a machine-readable line.
 */
const MIN_TIMESTAMP = 100_000_000;
/** `log.Printf` lines that PACKER_LOG=1 interleaves with the UI output. */
const GO_LOG = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} /;
function clean(text) {
    return text.replace(/\r\n?/g, '\n').replace(ANSI, '').replace(CONTROL, '');
}
function prepareLines(text) {
    const lines = [];
    for (const raw of clean(text).split('\n')) {
        const mr = parseMachineReadableLine(raw);
        if (mr && mr.timestamp >= MIN_TIMESTAMP) {
            if (mr.type === 'ui' && mr.data.length === 2 && mr.data[0] === 'error') {
                lines.push(BREAK, ...clean(mr.data[1]).split('\n'));
            }
            lines.push(BREAK);
            continue;
        }
        if (GO_LOG.test(raw))
            continue;
        lines.push(raw);
    }
    return lines;
}
// ---------------------------------------------------------------------------------------------
// Recognising blocks
const OCCURRED = /(?:^|[.:]\s*)(\d+ errors? occurred|\d+ error\(s\) occurred):$/;
function headerOf(raw) {
    if (raw === BREAK)
        return undefined;
    const line = raw.trimEnd();
    let m = /^(Error|Warning):(?: (.*))?$/.exec(line);
    if (m) {
        return {
            severity: m[1] === 'Warning' ? 'warning' : 'error',
            kind: 'hcl',
            title: (m[2] ?? '').trim(),
            rest: ''
        };
    }
    m = /^Warnings for build '([^']*)':$/.exec(line);
    if (m)
        return { severity: 'warning', kind: 'list', title: `Warnings for build '${m[1]}'`, rest: '' };
    m = /^(Errors validating build '[^']*')\. (.*)$/.exec(line);
    if (m)
        return { severity: 'error', kind: 'plain', title: m[1], rest: m[2] };
    // Packer 1.7+ for a file it read as a legacy JSON template: advice on file extensions, then the
    // parser's error on the next line as `Original error: …` (see blockFindings).
    if (/^Failed to parse file as legacy JSON template: /.test(line))
        return { severity: 'error', kind: 'plain', title: 'Failed to parse template', rest: '' };
    m =
        /^(Failed to parse template|Failed to initialize build '[^']*'|Error initializing core|Build '[^']*'): ?(.*)$/.exec(line);
    if (m)
        return { severity: 'error', kind: 'plain', title: m[1], rest: m[2] };
    return undefined;
}
/** Lines that are surely not part of a diagnostic: shell prompts, make, Packer's build UI. */
function isNoise(line) {
    return (line.startsWith('Template validation failed.') ||
        /^(?:==>|-->) /.test(line) ||
        /^[$#>](?: |$)/.test(line) ||
        /^[\w.-]+@[\w.-]+:\S*[$#](?: |$)/.test(line) ||
        /^make(?:\[\d+\])?: /.test(line) ||
        /^Build '[^']*' (?:errored|finished)/.test(line));
}
function diagnostics_isBlank(line) {
    return typeof line === 'string' && line.trim() === '';
}
/** Index just past the block that starts with a header at `start`. */
function blockEnd(lines, start) {
    let i = start + 1;
    for (; i < lines.length; i++) {
        const line = lines[i];
        if (line === BREAK || isNoise(line) || headerOf(line))
            break;
        // Packer ends each diagnostic with one blank line and the last one with two; a detail never
        // holds two blank lines in a row.
        if (diagnostics_isBlank(line) && diagnostics_isBlank(lines[i + 1]) && i > start + 1)
            break;
    }
    return i;
}
// ---------------------------------------------------------------------------------------------
// Turning a block into findings
const ON = /^\s*on (.*?) line (\d+)(?:, in (.*))?:$/;
/** `file:line,col-endcol` or `file:line,col-endline,endcol`, as HCL prints a range. */
const RANGE = /((?:[A-Za-z]:)?[^\s:"'()]+?\.(?:hcl|json)):(\d+),(\d+)-(?:(\d+),)?(\d+)/g;
function firstRange(text) {
    const m = new RegExp(RANGE.source).exec(text);
    if (!m)
        return undefined;
    const line = Number(m[2]);
    return {
        file: m[1],
        line,
        column: Number(m[3]),
        endLine: m[4] ? Number(m[4]) : line,
        endColumn: Number(m[5])
    };
}
/**
 * Word-wrapped paragraphs back to one line each; bullets, indented lines and the closing brace of a
 * block Packer suggests (`variable "x" {` … `}`) stay apart.
 */
function unwrap(lines) {
    const paragraphs = [];
    let current = [];
    const flush = () => {
        if (current.length)
            paragraphs.push(current.join('\n'));
        current = [];
    };
    for (const line of lines) {
        if (line.trim() === '') {
            flush();
        }
        else if (current.length && !/^\s*(?:[*-] |\t|\s{2,}|[}\]])/.test(line)) {
            current[current.length - 1] += ' ' + line.trim();
        }
        else {
            current.push(line.trim());
        }
    }
    flush();
    return paragraphs.join('\n\n');
}
/** `* a` / `\t* b` bullets, each with its continuation lines. */
function bullets(lines) {
    const items = [];
    for (const line of lines) {
        const m = /^\s*\* (.*)$/.exec(line);
        if (m)
            items.push([m[1]]);
        else if (line.trim() !== '' && items.length)
            items[items.length - 1].push(line);
    }
    return items.map((item) => unwrap(item));
}
function finding(severity, title, message, location) {
    const f = { severity, message };
    if (title)
        f.title = title;
    if (location?.file)
        f.file = location.file;
    if (location?.line !== undefined)
        f.line = location.line;
    if (location?.column !== undefined)
        f.column = location.column;
    if (location?.endLine !== undefined)
        f.endLine = location.endLine;
    if (location?.endColumn !== undefined)
        f.endColumn = location.endColumn;
    return f;
}
const ORIGINAL_ERROR = 'Original error: ';
/** Findings of one block: one per bullet when Packer listed several errors, else one. */
function blockFindings(header, body) {
    let location;
    let lines = body;
    if (header.kind === 'hcl') {
        let i = 0;
        while (i < lines.length && lines[i] === '')
            i++;
        const on = ON.exec(lines[i] ?? '');
        if (on) {
            // `on  line 0:` is a diagnostic without a real location.
            if (on[1].trim() && Number(on[2]) > 0)
                location = { file: on[1].trim(), line: Number(on[2]) };
            i++;
            while (i < lines.length && lines[i] !== '')
                i++; // the source snippet
        }
        lines = lines.slice(i);
    }
    if (header.kind === 'plain') {
        const original = lines.findIndex((l) => l.startsWith(ORIGINAL_ERROR));
        if (original >= 0) {
            header = { ...header, rest: lines[original].slice(ORIGINAL_ERROR.length) };
            lines = lines.slice(original + 1);
        }
        const at = lines.findIndex((l) => /^At line \d+, column \d+/.test(l));
        if (at >= 0) {
            const m = /^At line (\d+), column (\d+)/.exec(lines[at]);
            // Go's JSON decoder counts the offending byte as read, so Packer's column is one past it.
            location = { line: Number(m[1]), column: Math.max(1, Number(m[2]) - 1) };
            lines = lines.slice(0, at); // what follows is a snippet of the template
        }
    }
    const occurredInHeader = OCCURRED.test(header.rest);
    const occurredLine = lines.findIndex((l) => OCCURRED.test(l.trim()));
    const title = header.title.replace(/[.:]$/, '') || undefined;
    if (header.kind === 'list' || occurredInHeader || occurredLine >= 0) {
        const items = bullets(occurredLine >= 0 && !occurredInHeader ? lines.slice(occurredLine + 1) : lines);
        if (items.length) {
            return items.map((item) => finding(header.severity, title, item, location ?? firstRange(item)));
        }
    }
    const detail = unwrap([header.rest, ...lines]);
    if (!detail && !title)
        return [];
    const message = detail || title;
    return [
        finding(header.severity, detail ? title : undefined, message, location ?? firstRange(`${title ?? ''} ${detail}`))
    ];
}
/**
 * Visits each diagnostic block of prepared lines, and hands every other line to `outside`, which
 * may return the index of the last line it consumed.
 */
function eachBlock(lines, visit, outside) {
    for (let i = 0; i < lines.length;) {
        const header = headerOf(lines[i]);
        if (header) {
            const end = blockEnd(lines, i);
            visit(header, lines.slice(i + 1, end).map((l) => l.trimEnd()));
            i = end;
        }
        else {
            i = (outside?.(i) ?? i) + 1;
        }
    }
}
/**
 * Every error and warning in Packer's output, with file paths exactly as Packer printed them
 * (relative to its working directory). Anything that is not a diagnostic (build progress, shell
 * prompts, make output, machine-readable lines of other types) is skipped.
 */
function parseDiagnostics(text) {
    const findings = [];
    eachBlock(prepareLines(text), (header, body) => findings.push(...blockFindings(header, body)));
    return findings;
}
// ---------------------------------------------------------------------------------------------
// Paths
function pathApi(...paths) {
    return paths.some((p) => /^[A-Za-z]:[\\/]|^\\\\/.test(p)) ? external_node_path_.win32 : external_node_path_.posix;
}
/**
 * A path Packer printed, relative to the repository root with forward slashes. A path outside
 * the repository stays absolute (as given, when Packer printed it absolute).
 */
function workspacePath(file, context) {
    const p = pathApi(context.workspace, context.workingDirectory, file);
    const root = p.resolve(context.workspace);
    const absolute = p.resolve(root, context.workingDirectory, file);
    const relative = p.relative(root, absolute);
    const outside = relative === '..' || relative.startsWith(`..${p.sep}`) || p.isAbsolute(relative);
    if (outside)
        return p.isAbsolute(file) ? file : absolute.split(p.sep).join('/');
    return relative.split(p.sep).join('/');
}
function relocate(finding, context, jsonTemplate) {
    const out = {
        ...finding,
        message: finding.message.replace(RANGE, (whole, file) => workspacePath(file, context) + whole.slice(file.length))
    };
    if (finding.file)
        out.file = workspacePath(finding.file, context);
    else if (jsonTemplate)
        out.file = jsonTemplate;
    else {
        // A line without a file refers to a template we cannot name.
        delete out.line;
        delete out.column;
        delete out.endLine;
        delete out.endColumn;
    }
    return out;
}
function uniqueFindings(findings) {
    const seen = new Set();
    return findings.filter((f) => {
        const key = JSON.stringify([f.severity, f.title, f.message, f.file, f.line, f.column]);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/**
 * The findings of `parseDiagnostics` with every file relative to the repository root, ready for
 * `core.error` / `core.warning` with `toAnnotationProperties`. Ranges quoted in a message
 * (`build.pkr.hcl:9,5-17`) get the same path. A finding Packer printed twice is kept once.
 */
function findingsFromDiagnostics(text, context) {
    const jsonTemplate = context.template && /\.json$/i.test(context.template)
        ? workspacePath(context.template, context)
        : undefined;
    return uniqueFindings(parseDiagnostics(text).map((f) => relocate(f, context, jsonTemplate)));
}
// ---------------------------------------------------------------------------------------------
// packer fmt -check [-diff]
const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
/** Index just past a unified diff starting at `start` (`--- old/…`), and its first changed line. */
function readDiff(lines, start) {
    let i = start;
    if (typeof lines[i + 1] === 'string' && lines[i + 1].startsWith('+++ '))
        i += 2;
    else
        return { end: start + 1 };
    let firstChange;
    for (;;) {
        const hunk = HUNK.exec(lines[i] ?? '');
        if (!hunk)
            break;
        let oldLine = Number(hunk[1]);
        let oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
        let newLeft = hunk[4] === undefined ? 1 : Number(hunk[4]);
        i++;
        for (; i < lines.length; i++) {
            const line = lines[i];
            if (line === BREAK)
                break;
            if (oldLeft <= 0 && newLeft <= 0 && !line.startsWith('\\'))
                break;
            const mark = line[0] ?? ' '; // a blank context line may lose its space in a log
            if (mark === '-') {
                firstChange ??= oldLine;
                oldLine++;
                oldLeft--;
            }
            else if (mark === '+') {
                firstChange ??= Math.max(1, oldLine - 1);
                newLeft--;
            }
            else if (mark !== '\\') {
                oldLine++;
                oldLeft--;
                newLeft--;
            }
        }
    }
    return { end: i, firstChange };
}
/**
 * The output of `packer fmt -check [-diff] [-recursive] <path>` (stdout and stderr together):
 * one error finding per file Packer lists as unformatted, at the first line its diff changes, and
 * any diagnostic Packer printed (a file it could not parse). Packer exits 3 when files need
 * formatting and 1 on other errors. Note that Packer 1.6.x has no `-recursive` flag.
 */
function parseFmtCheck(output, context) {
    const lines = prepareLines(output);
    const findings = [];
    const diffs = [];
    eachBlock(lines, (header, body) => {
        for (const f of blockFindings(header, body)) {
            // Packer names the file it could not parse only in the text: point the annotation at it.
            const m = /^encountered an error while formatting (.+)$/.exec(f.title ?? '');
            if (m && !f.file) {
                const file = workspacePath(m[1], context);
                f.title = `Cannot format ${file}`;
                f.message = f.message.split(m[1]).join(file);
                f.file = m[1];
            }
            findings.push(relocate(f, context));
        }
    }, (i) => {
        const line = lines[i];
        if (line === BREAK || line.trim() === '' || /^\s/.test(line))
            return;
        const name = line.trimEnd();
        const next = lines[i + 1];
        const hasDiff = typeof next === 'string' && next.startsWith('--- ');
        if (!hasDiff && !/\.hcl$/i.test(name))
            return;
        const { end, firstChange } = hasDiff ? readDiff(lines, i + 1) : { end: i + 1 };
        const file = workspacePath(name, context);
        const f = {
            severity: 'error',
            title: 'Not formatted',
            message: `${file} is not formatted; run \`packer fmt\``,
            file
        };
        if (firstChange !== undefined)
            f.line = firstChange;
        findings.push(f);
        // The diff for the log as Packer printed it, but for colour codes and control characters.
        diffs.push({ file, diff: hasDiff ? lines.slice(i + 1, end).join('\n') : '' });
        return end - 1;
    });
    return { findings, diffs };
}
// ---------------------------------------------------------------------------------------------
// Annotations
/**
 * The properties `core.error(message, properties)` / `core.warning` expect. Columns are left out
 * when the finding spans several lines, which GitHub does not accept.
 */
function toAnnotationProperties(finding) {
    const props = {};
    if (finding.title)
        props.title = finding.title;
    if (!finding.file)
        return props;
    props.file = finding.file;
    if (finding.line === undefined)
        return props;
    props.startLine = finding.line;
    const endLine = finding.endLine ?? finding.line;
    if (endLine !== finding.line) {
        props.endLine = endLine;
        return props;
    }
    if (finding.column !== undefined) {
        props.startColumn = finding.column;
        if (finding.endColumn !== undefined)
            props.endColumn = finding.endColumn;
    }
    return props;
}

;// CONCATENATED MODULE: ./src/action/logger.ts



/**
 * What the runner reads as a workflow command: `::name …::` at the start of a line (after white
 * space) and the older `##[name]`, which it finds anywhere in a line.
 */
const MAY_READ_AS_COMMAND = /(^|[\r\n])\s*::|##\[/;
/**
 * Everything the action prints goes through here, so that no secret reaches the log in any form.
 *
 * Packer's output, and that of the scripts its provisioners run, is printed with workflow commands
 * stopped (`::stop-commands::<token>`): the runner acts on a line such as `::set-output …`,
 * `::add-mask::…`, `::error …::` or `##[error]…` wherever it comes from, and a build's output is
 * not the action's to issue commands with. The token is random, so no output can resume them.
 * Commands work again before the action issues one of its own.
 */
class Logger {
    redactor;
    write;
    stopToken;
    constructor(redactor, write = (text) => process.stdout.write(text)) {
        this.redactor = redactor;
        this.write = write;
    }
    redact(text) {
        return this.redactor.redact(text);
    }
    /** Every string inside a plain data value redacted, for data written to a file or an output. */
    redactDeep(value) {
        return this.redactor.redactDeep(value);
    }
    /**
     * A message of the action's own. One that holds text from inputs or templates (a command line
     * with `-var` values, a path) could read as a workflow command, so such a message is printed
     * with commands stopped, like Packer's output.
     */
    info(text) {
        const clean = this.redact(text);
        if (!MAY_READ_AS_COMMAND.test(clean)) {
            core/* info */.pq(clean);
            return;
        }
        const stopped = this.stopToken !== undefined;
        this.writeStopped(clean);
        if (!stopped)
            this.resume();
    }
    /**
     * Text that Packer printed: as it is, except for secrets, and never read as a command. Returns
     * the text as printed, secrets redacted.
     */
    output(text) {
        const clean = this.redact(text);
        this.writeStopped(clean);
        return clean;
    }
    /** A line already redacted, with workflow commands stopped (they stay stopped after it). */
    writeStopped(clean) {
        if (this.stopToken === undefined) {
            this.stopToken = (0,external_node_crypto_.randomUUID)();
            this.write(`::stop-commands::${this.stopToken}\n`);
        }
        this.write(`${clean}\n`);
    }
    /** Workflow commands work again (after Packer's output, before the action's own commands). */
    resume() {
        if (this.stopToken === undefined)
            return;
        this.write(`::${this.stopToken}::\n`);
        this.stopToken = undefined;
    }
    notice(text) {
        this.resume();
        core/* notice */.lm(this.redact(text));
    }
    warning(text) {
        this.resume();
        core/* warning */.$e(this.redact(text));
    }
    finding(finding) {
        this.resume();
        const properties = toAnnotationProperties(finding);
        if (properties.title)
            properties.title = this.redact(properties.title);
        if (finding.severity === 'warning')
            core/* warning */.$e(this.redact(finding.message), properties);
        else
            core/* error */.z3(this.redact(finding.message), properties);
    }
    startGroup(name) {
        this.resume();
        core/* startGroup */.Oh(this.redact(name).replace(/[\r\n]+/g, ' '));
    }
    endGroup() {
        this.resume();
        core/* endGroup */.N4();
    }
    async group(name, fn) {
        this.startGroup(name);
        try {
            return await fn();
        }
        finally {
            this.endGroup();
        }
    }
}

// EXTERNAL MODULE: ./src/action/redact.ts
var redact = __webpack_require__(30065);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(59805);
// EXTERNAL MODULE: ./src/action/run-dir.ts
var run_dir = __webpack_require__(87629);
// EXTERNAL MODULE: ./src/installer/download.ts
var download = __webpack_require__(22754);
// EXTERNAL MODULE: ./src/installer/release-files.ts + 1 modules
var release_files = __webpack_require__(33085);
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
        throw new errors/* ActionError */.lZ(`Packer has no release for this runner (${platform}/${arch}); HashiCorp publishes ` +
            `${Object.values(OS_NAMES).join(', ')} on ${Object.values(ARCH_NAMES).join(', ')}`);
    }
    return { os, arch: releaseArch };
}
function binaryName(platform) {
    return platform.os === 'windows' ? 'packer.exe' : 'packer';
}

// EXTERNAL MODULE: ./src/installer/tool-cache.ts
var installer_tool_cache = __webpack_require__(74831);
// EXTERNAL MODULE: ./src/installer/releases.ts
var releases = __webpack_require__(69276);
;// CONCATENATED MODULE: ./src/installer/install.ts














function checkNotCancelled(request) {
    if (request.cancellation?.requested) {
        throw new errors/* ActionError */.lZ('the installation of Packer was cancelled; nothing was installed');
    }
}
function cachedBinary(version, request) {
    const dir = (0,installer_tool_cache/* findInToolCache */.lj)(toolCacheRoot(), constants/* TOOL_NAME */.lH, version, request.cacheArch);
    const binary = dir ? external_node_path_.join(dir, binaryName(request.platform)) : undefined;
    return binary && (0,external_node_fs_.existsSync)(binary) ? binary : undefined;
}
/**
 * Installs Packer: resolve the version, use the tool cache when it has it, otherwise download the
 * release over the configured base URL, check the OpenPGP signature of its SHA256SUMS and the zip's
 * checksum, and only then extract it into the tool cache. An exact version found in the tool cache
 * costs no network request.
 */
async function installPacker(request) {
    const exact = (0,installer_tool_cache/* exactVersion */.y)(request.versionSpec);
    if (exact !== undefined) {
        const binary = cachedBinary(exact, request);
        if (binary)
            return { version: exact, binary, fromCache: true };
    }
    // A releases-signing-key that is no key is reported before any request, not after the download.
    const givenKeys = request.signingKey ? await (0,release_files/* trustedReleaseKeys */.nj)(request.signingKey) : undefined;
    const downloader = new download/* Downloader */._7(request.download ?? download/* DEFAULT_DOWNLOAD_OPTIONS */.w6);
    const unsubscribe = request.cancellation?.onSignal(() => downloader.dispose());
    try {
        checkNotCancelled(request);
        const url = (0,releases/* indexUrl */.E5)(request.releasesUrl, constants/* TOOL_NAME */.lH);
        const release = await core/* group */.Os(`Resolve Packer ${request.versionSpec}`, async () => {
            core/* info */.pq(`Reading ${url}`);
            let body;
            try {
                body = await downloader.fetchBytes(url, download/* INDEX_LIMITS */.Si);
            }
            catch (error) {
                if (error instanceof download/* HttpStatusError */.F9 && error.status === 404) {
                    throw new errors/* ActionError */.lZ(`${url} answered HTTP 404: is releases-url '${request.releasesUrl}' a release server?`);
                }
                throw error;
            }
            let document;
            try {
                document = JSON.parse(body.toString('utf8'));
            }
            catch {
                throw new errors/* ActionError */.lZ(`${url} is not JSON`);
            }
            const index = (0,releases/* parseIndex */.A1)(document);
            const version = (0,releases/* resolveVersion */.x)(index.keys(), request.versionSpec, url);
            core/* info */.pq(`Packer ${request.versionSpec} resolves to ${version}`);
            return index.get(version);
        });
        const binary = cachedBinary(release.version, request);
        if (binary) {
            core/* info */.pq(`Packer ${release.version} is in the tool cache`);
            return { version: release.version, binary, fromCache: true };
        }
        const build = (0,releases/* selectBuild */.zu)(release, request.platform);
        return await downloadAndCache(downloader, request, build, release, givenKeys);
    }
    catch (error) {
        // A download the cancel stopped fails with its own message; say what happened instead.
        checkNotCancelled(request);
        throw error;
    }
    finally {
        unsubscribe?.();
        downloader.dispose();
    }
}
async function downloadAndCache(downloader, request, build, release, givenKeys) {
    const { version } = release;
    const zipName = build.filename;
    const trusted = givenKeys ?? (await (0,release_files/* trustedReleaseKeys */.nj)(request.signingKey));
    const keyIds = trusted.keys.map((k) => k.getFingerprint());
    const sigName = (0,releases/* selectSignatureFile */.bm)(release, keyIds);
    (0,releases/* checkReleaseFiles */.$Q)(constants/* TOOL_NAME */.lH, release, build, sigName);
    const fileUrl = (name) => (0,releases/* releaseFileUrl */.Pl)(request.releasesUrl, constants/* TOOL_NAME */.lH, version, name);
    const platform = `${request.platform.os}/${request.platform.arch}`;
    const names = {
        label: `Packer ${version} for ${platform}`,
        sums: release.shasums,
        signature: sigName,
        archive: zipName
    };
    const temp = await (0,promises_.mkdtemp)(external_node_path_.join((0,run_dir/* runnerTemp */.X)(), 'packer-download-'));
    try {
        const downloaded = await core/* group */.Os(`Download Packer ${version} for ${platform}`, () => (0,release_files/* downloadReleaseFiles */.zT)(downloader, names, fileUrl, temp));
        await core/* group */.Os('Verify the download', () => (0,release_files/* verifyReleaseFiles */.Wc)(downloaded, names, trusted));
        const zipPath = downloaded.archivePath;
        checkNotCancelled(request);
        const binary = await core/* group */.Os(`Extract Packer ${version}`, () => extractIntoToolCache(zipPath, version, request));
        return { version, binary, fromCache: false };
    }
    finally {
        await (0,promises_.rm)(temp, { recursive: true, force: true });
    }
}
function toolCacheRoot() {
    const dir = process.env.RUNNER_TOOL_CACHE;
    if (!dir)
        throw new errors/* ActionError */.lZ('RUNNER_TOOL_CACHE is not set: is this running on a GitHub Actions runner?');
    return dir;
}
/** A staging folder older than this was left by an install that was killed; it is removed. */
const STALE_STAGING_MS = 60 * 60 * 1000;
/** How long another install's folder may stand without its `.complete` marker before it is stale. */
const MARKER_WAIT_MS = 5000;
/** Removes the staging folders of installs that were killed before they finished. */
async function removeStaleStaging(toolRoot) {
    const entries = await (0,promises_.readdir)(toolRoot).catch(() => []);
    for (const entry of entries) {
        if (!entry.startsWith('.staging-'))
            continue;
        const dir = external_node_path_.join(toolRoot, entry);
        const info = await (0,promises_.stat)(dir).catch(() => undefined);
        if (info && Date.now() - info.mtimeMs > STALE_STAGING_MS) {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }
}
async function waitForMarker(marker) {
    for (let waited = 0; waited < MARKER_WAIT_MS; waited += 100) {
        if ((0,external_node_fs_.existsSync)(marker))
            return true;
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return (0,external_node_fs_.existsSync)(marker);
}
/**
 * Moves `staging` to `finalDir`, never deleting a finished install: another job sharing the tool
 * cache may have placed the same version meanwhile, and then that one is used. A folder without
 * its marker that stays so is what a killed install left, and is replaced. Returns whether the
 * folder now there is another install's.
 */
async function place(staging, finalDir) {
    const marker = (0,installer_tool_cache/* completeMarker */.IH)(finalDir);
    for (let attempt = 0;; attempt++) {
        if ((0,external_node_fs_.existsSync)(marker))
            return true;
        try {
            await (0,promises_.rename)(staging, finalDir);
            return false;
        }
        catch (error) {
            const code = error.code;
            if ((code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM') || attempt > 0)
                throw error;
        }
        if (await waitForMarker(marker))
            return true;
        // Moved aside first, atomically, so that no other install's rename can land in it.
        const stale = `${finalDir}.stale-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
        await (0,promises_.rename)(finalDir, stale).catch(() => undefined);
        await (0,promises_.rm)(stale, { recursive: true, force: true });
    }
}
/**
 * Extracts a verified zip into the tool cache, in the layout `@actions/tool-cache` reads
 * (`<root>/packer/<version>/<arch>` plus an `<arch>.complete` marker). It extracts next to its final
 * place and renames it there, rather than extracting and copying as `tc.cacheDir` would, which
 * would write the 100 MB binary twice. On any failure nothing is left behind.
 */
async function extractIntoToolCache(zipPath, version, request) {
    const toolRoot = external_node_path_.join(toolCacheRoot(), constants/* TOOL_NAME */.lH);
    const finalDir = (0,installer_tool_cache/* toolCachePath */.y6)(toolCacheRoot(), constants/* TOOL_NAME */.lH, version, request.cacheArch);
    const versionDir = external_node_path_.dirname(finalDir);
    const staging = external_node_path_.join(toolRoot, `.staging-${version}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
    const name = binaryName(request.platform);
    let placed = false;
    try {
        await removeStaleStaging(toolRoot);
        await (0,promises_.mkdir)(staging, { recursive: true });
        await tool_cache/* extractZip */.JE(zipPath, staging);
        // A cancel during extraction installs nothing, as a cancel during the download does.
        checkNotCancelled(request);
        const binary = external_node_path_.join(staging, name);
        const info = await (0,promises_.stat)(binary).catch(() => undefined);
        if (!info?.isFile()) {
            const entries = await (0,promises_.readdir)(staging);
            throw new errors/* ActionError */.lZ(`${external_node_path_.basename(zipPath)} has no '${name}' at its top level (it holds: ${entries.join(', ') || 'nothing'})`);
        }
        if (request.platform.os !== 'windows')
            await (0,promises_.chmod)(binary, 0o755);
        await (0,promises_.mkdir)(versionDir, { recursive: true });
        if (await place(staging, finalDir)) {
            await (0,promises_.rm)(staging, { recursive: true, force: true });
            core/* info */.pq(`Packer ${version} was placed in the tool cache meanwhile, at ${finalDir}; using it`);
            return external_node_path_.join(finalDir, name);
        }
        placed = true;
        await (0,promises_.writeFile)((0,installer_tool_cache/* completeMarker */.IH)(finalDir), '');
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

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./src/packer/args.ts
/** Pure argument building for every Packer command the action runs. */


/** What `packer build` / `validate` share: variables, var-files, build selection. */
function templateOptions(inputs, paths, sensitiveVarFile) {
    const args = [];
    for (const variable of inputs.variables)
        args.push('-var', `${variable.name}=${variable.value}`);
    for (const file of paths.varFiles)
        args.push(`-var-file=${file}`);
    // Sensitive values never go on the command line, where any process could read them.
    if (sensitiveVarFile)
        args.push(`-var-file=${sensitiveVarFile}`);
    if (inputs.only.length)
        args.push(`-only=${inputs.only.join(',')}`);
    if (inputs.except.length)
        args.push(`-except=${inputs.except.join(',')}`);
    return args;
}
/**
 * The template as Packer is given it: relative to the working directory it runs in, and never
 * read as a flag (`-x.pkr.hcl` is given as `./-x.pkr.hcl`).
 */
function templateArgument(paths) {
    const relative = external_node_path_.relative(paths.workingDirectory, paths.template);
    if (relative === '')
        return '.';
    return relative.startsWith('-') ? `.${external_node_path_.sep}${relative}` : relative;
}
function buildArgs(inputs, paths, sensitiveVarFile) {
    const args = ['build', '-machine-readable', `-on-error=${inputs.onError}`];
    if (inputs.parallelBuilds !== undefined)
        args.push(`-parallel-builds=${inputs.parallelBuilds}`);
    if (inputs.force)
        args.push('-force');
    args.push(...templateOptions(inputs, paths, sensitiveVarFile), templateArgument(paths));
    return args;
}
function validateArgs(inputs, paths, sensitiveVarFile) {
    return ['validate', ...templateOptions(inputs, paths, sensitiveVarFile), templateArgument(paths)];
}
/** `packer fmt` has `-recursive` from 1.7 on. */
function fmtArgs(paths, packerVersion, check) {
    const args = ['fmt'];
    if (check)
        args.push('-check', '-diff');
    if (semver_default().gte(semver_default().coerce(packerVersion) ?? '0.0.0', '1.7.0') && paths.kind === 'hcl2-dir')
        args.push('-recursive');
    args.push(templateArgument(paths));
    return args;
}
function initArgs(paths) {
    return ['init', templateArgument(paths)];
}
/** `packer init` exists from 1.7 on. */
function hasInit(packerVersion) {
    return semver_default().gte(semver_default().coerce(packerVersion) ?? '0.0.0', '1.7.0');
}
/** Legacy JSON templates are not HCL, so `packer fmt` does not apply to them. */
function canFormat(paths) {
    return paths.kind !== 'legacy-json';
}
/** The content of the temporary var-file for sensitive variables: JSON, which Packer reads literally. */
function sensitiveVarFileContent(variables) {
    return JSON.stringify(Object.fromEntries(variables.map((v) => [v.name, v.value])));
}
/**
 * The environment that hands `packer init` the token for its plugin downloads from GitHub.com, or
 * why none is handed. On GitHub Enterprise Server the job's token belongs to that server:
 * api.github.com would refuse it, where an unauthenticated download still works.
 */
function pluginTokenEnv(token, serverUrl) {
    if (!token)
        return { env: {} };
    const server = (serverUrl ?? '').replace(/\/+$/, '');
    if (server !== '' && server.toLowerCase() !== 'https://github.com') {
        return {
            env: {},
            skipped: `github-token is not passed to packer init: it belongs to ${server}, not github.com, where Packer downloads plugins`
        };
    }
    return { env: { PACKER_GITHUB_API_TOKEN: token } };
}
/**
 * Names a build process must not inherit from the action: the step's inputs (`INPUT_*`: the token
 * and every sensitive variable), other steps' state (`STATE_*`), the runner's own credentials and
 * service addresses (the cache and artifact runtime token, the OIDC token request), and the files
 * through which a step sets outputs, environment, PATH, state and the job summary, which are the
 * action's to write, as workflow commands on stdout are.
 */
const WITHHELD_FROM_PACKER = [
    /^INPUT_/i,
    /^STATE_/i,
    /^ACTIONS_RUNTIME_(TOKEN|URL)$/i,
    /^ACTIONS_RESULTS_URL$/i,
    /^ACTIONS_CACHE_URL$/i,
    /^ACTIONS_ID_TOKEN_REQUEST_(TOKEN|URL)$/i,
    /^GITHUB_(OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)$/i
];
/** Whether Packer and the processes it starts are given the variable `name`. */
function passedToPacker(name) {
    return !WITHHELD_FROM_PACKER.some((pattern) => pattern.test(name));
}
/**
 * The environment Packer runs with: the runner's, minus what `passedToPacker` withholds, with
 * Packer's update check off and the plugin directory set. Everything Packer starts (plugins,
 * provisioner scripts, Ansible) inherits it.
 */
function packerEnvironment(env, pluginDir) {
    const kept = {};
    for (const [name, value] of Object.entries(env)) {
        if (value !== undefined && passedToPacker(name))
            kept[name] = value;
    }
    return { ...kept, CHECKPOINT_DISABLE: '1', PACKER_PLUGIN_PATH: pluginDir };
}
/** Renders a command line for the log, as @actions/exec would. */
function commandLine(binary, args) {
    return [binary, ...args]
        .map((a) => (/[\s"'`$\\]/.test(a) || a === '' ? JSON.stringify(a) : a))
        .join(' ');
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./src/packer/process-tree.ts
/**
 * The processes under a process, read from /proc (Linux). Packer does not always stop what its
 * provisioners started when a build is cancelled (a shell-local script's `sleep` runs on), so the
 * action takes note of Packer's descendants when it cancels and stops any that outlive Packer.
 */

/** Parses /proc/<pid>/stat; the command may itself contain spaces and parentheses. */
function parseStat(text) {
    const open = text.indexOf('(');
    const close = text.lastIndexOf(')');
    if (open < 0 || close < open)
        return undefined;
    const fields = text.slice(close + 2).split(' ');
    return {
        pid: Number(text.slice(0, open).trim()),
        command: text.slice(open + 1, close),
        ppid: Number(fields[1]),
        start: fields[19] ?? ''
    };
}
function readProcesses() {
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)('/proc');
    }
    catch {
        return [];
    }
    const list = [];
    for (const entry of entries) {
        if (!/^\d+$/.test(entry))
            continue;
        try {
            const info = parseStat((0,external_node_fs_.readFileSync)(`/proc/${entry}/stat`, 'utf8'));
            if (info)
                list.push(info);
        }
        catch {
            // Gone meanwhile.
        }
    }
    return list;
}
/** Every descendant of `root` (not `root` itself). */
function descendants(root, processes = readProcesses()) {
    const children = new Map();
    for (const p of processes) {
        const list = children.get(p.ppid) ?? [];
        list.push(p);
        children.set(p.ppid, list);
    }
    const found = [];
    const queue = [root];
    while (queue.length) {
        for (const child of children.get(queue.shift()) ?? []) {
            found.push(child);
            queue.push(child.pid);
        }
    }
    return found;
}
/** Those of `noted` that still run (same pid and start time). */
function stillRunning(noted, processes = readProcesses()) {
    const now = new Map(processes.map((p) => [p.pid, p]));
    return noted.filter((p) => now.get(p.pid)?.start === p.start);
}
/** Ends the given processes: SIGTERM, then SIGKILL for any still there after `graceMs`. */
async function stopProcesses(list, graceMs = 1000) {
    const signal = (sig, targets) => {
        for (const p of targets) {
            try {
                process.kill(p.pid, sig);
            }
            catch {
                // Already gone.
            }
        }
    };
    signal('SIGTERM', list);
    await new Promise((resolve) => setTimeout(resolve, graceMs));
    signal('SIGKILL', stillRunning(list));
    return list;
}

;// CONCATENATED MODULE: ./src/packer/process.ts
/**
 * Runs Packer. Processes are started with argument arrays and never through a shell.
 *
 * Node's child_process is used rather than @actions/exec because cancellation needs the child:
 * Packer's parent process ignores SIGINT (it expects the terminal to signal the whole process
 * group), so the action starts Packer in a process group of its own and, on the first signal,
 * sends SIGINT to that group. Packer then cancels its builds and runs its cleanup while the
 * action keeps streaming its output, and its provisioner processes stop with it.
 */


/**
 * What to send Packer on the `count`th cancellation signal, or nothing. Where Packer runs in its own
 * process group, the first is SIGINT to the group, which starts Packer's cleanup; later ones (the
 * runner's SIGTERM) SIGTERM. On Windows the runner's Ctrl+C already reaches Packer, which shares the
 * console, and Node's kill would be TerminateProcess, which skips every cleanup: only a second
 * signal ends Packer there.
 */
function signalFor(ownGroup, count) {
    if (ownGroup)
        return count === 1 ? 'SIGINT' : 'SIGTERM';
    return count === 1 ? undefined : 'SIGTERM';
}
function runProcess(binary, args, options) {
    const group = process.platform !== 'win32';
    const child = (0,external_node_child_process_.spawn)(binary, args, {
        cwd: options.cwd,
        env: options.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: group,
        windowsHide: true
    });
    let cancelled = false;
    const noted = new Map();
    const forward = (signal) => {
        if (child.exitCode !== null || child.pid === undefined)
            return;
        for (const p of descendants(child.pid))
            noted.set(`${p.pid}:${p.start}`, p);
        try {
            if (group)
                process.kill(-child.pid, signal);
            else
                child.kill(signal);
            options.onForward?.(signal);
        }
        catch {
            // Already gone.
        }
    };
    const unsubscribe = options.cancellation?.onSignal((_signal, count) => {
        cancelled = true;
        const signal = signalFor(group, count);
        if (signal)
            forward(signal);
    });
    if (options.cancellation?.requested) {
        cancelled = true;
        queueMicrotask(() => forward('SIGINT'));
    }
    child.stdout.on('data', options.onStdout);
    child.stderr.on('data', options.onStderr);
    return new Promise((resolve, reject) => {
        child.on('error', (error) => {
            unsubscribe?.();
            reject(error);
        });
        child.on('close', (code, signal) => {
            unsubscribe?.();
            resolve({ exitCode: code ?? 1, signal: signal ?? undefined, cancelled });
        });
        child.on('exit', () => {
            // After a cancel, stop what Packer's provisioners started and Packer left running.
            const left = stillRunning([...noted.values()]);
            if (left.length) {
                options.onLeftovers?.(left);
                void stopProcesses(left);
            }
            // A process Packer started may hold the pipes open after Packer has exited; stop reading then.
            setTimeout(() => {
                child.stdout.destroy();
                child.stderr.destroy();
            }, 5000).unref();
        });
    });
}

;// CONCATENATED MODULE: ./src/commands/packer-context.ts
/** What the Packer commands share: their context, running Packer to capture its output, and failure messages. */





class CancelledError extends errors/* ActionError */.lZ {
    constructor(what) {
        super(`${what} was cancelled`);
    }
}
function pathContext(ctx) {
    return {
        workingDirectory: ctx.paths.workingDirectory,
        workspace: ctx.workspace,
        template: external_node_path_.relative(ctx.paths.workingDirectory, ctx.paths.template) || '.'
    };
}
/** Runs a short Packer command, collecting what it prints. */
async function capture(ctx, args, env = ctx.env) {
    if (ctx.cancellation.requested)
        throw new CancelledError(`packer ${args[0]}`);
    ctx.log.info(`[command]${commandLine(ctx.binary, args)}`);
    const chunks = [];
    const result = await runProcess(ctx.binary, args, {
        cwd: ctx.paths.workingDirectory,
        env,
        cancellation: ctx.cancellation,
        onStdout: (c) => chunks.push(c),
        onStderr: (c) => chunks.push(c)
    });
    const output = Buffer.concat(chunks).toString('utf8');
    if (output.trim()) {
        ctx.log.output(output.trimEnd());
        ctx.log.resume();
    }
    if (result.cancelled)
        throw new CancelledError(`packer ${args[0]}`);
    return { ...result, output };
}
/**
 * What a failed Packer command said, for the step's error: its first diagnostic, else its last
 * line of output.
 */
function failureDetail(output, context) {
    const first = findingsFromDiagnostics(output, context).find((f) => f.severity === 'error');
    if (first)
        return `${first.title ? `${first.title}: ` : ''}${first.message}`;
    const last = output
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
        .pop();
    return last === undefined ? undefined : last.length > 500 ? `${last.slice(0, 500)}…` : last;
}
function failure(what, exitCode, output, context) {
    const detail = failureDetail(output, context);
    return `${what} failed (exit code ${exitCode})${detail ? `: ${detail}` : ''}`;
}

// EXTERNAL MODULE: ./src/aws/resources.ts
var resources = __webpack_require__(47360);
// EXTERNAL MODULE: ./src/packer/artifacts.ts
var packer_artifacts = __webpack_require__(68145);
;// CONCATENATED MODULE: ./src/packer/machine-readable/build-tracker.ts
/**
 * The run state that `packer build`'s machine-readable lines describe: builds, their status,
 * errors and artifacts. Pure code: no I/O.
 */


/** Lists of messages keep at most this many entries, so a noisy run cannot grow memory. */
const MAX_KEPT_MESSAGES = 100;
/** Characters kept of one stored message. */
const MAX_MESSAGE_LENGTH = 64 * 1024;
/**
 * Accumulates the run state from machine-readable lines: builds and their status, duration, errors
 * and artifacts; whole-run errors; the Packer version.
 *
 * Packer prints `ui` lines with an empty target and the build name inside the message
 * (`==> amazon-ebs: …`, `    amazon-ebs: …`, `Build 'amazon-ebs' finished …`), so those messages
 * are read to follow each build.
 */
class BuildTracker {
    builds = new Map();
    runErrors = [];
    uiErrors = [];
    version;
    errorCount;
    /** The first builds seen, in order, for {@link knownBuild}. */
    firstBuilds = [];
    recentBuild;
    interrupted = false;
    cancelled = false;
    /** Packer printed its closing summary, so every build has ended. */
    runEnded = false;
    /**
     * Takes in one line. `raw`, which the parser passes with each line, lets the common line be
     * matched to its build in the decoded chunk rather than in the unescaped message.
     */
    consume(line, raw) {
        switch (line.type) {
            case 'ui':
                this.onUi(line, raw);
                break;
            case 'artifact':
                this.onArtifact(line);
                break;
            case 'artifact-count': {
                const build = this.build(line.target);
                if (!build)
                    break;
                build.declaredArtifacts = Number(line.data[0]);
                this.runEnded = true;
                break;
            }
            case 'error':
                if (line.target === '')
                    push(this.runErrors, joined(line.data));
                else
                    push(this.build(line.target).errors, joined(line.data));
                break;
            case 'error-count':
                this.errorCount = Number(line.data[0]);
                this.runEnded = true;
                break;
            case 'version':
                this.version = line.data[0];
                break;
            case 'version-prelease':
            case 'version-prerelease':
                if (this.version && line.data[0])
                    this.version = `${this.version}-${line.data[0]}`;
                break;
        }
    }
    /** Records that the run was interrupted: builds that had not succeeded by now become cancelled. */
    markCancelled() {
        this.interrupted = true;
        this.cancelled = true;
    }
    get isCancelled() {
        return this.cancelled;
    }
    /** The run state so far. Artifacts whose `end` line has not come yet are included. */
    result() {
        const builds = [];
        const artifacts = [];
        for (const state of this.builds.values()) {
            const own = [...state.artifacts];
            for (const pending of state.pending.values())
                this.addArtifact(state, pending, own);
            const errors = state.errors.length > 0 ? [...state.errors] : [...state.reportedErrors];
            const result = {
                name: state.name,
                builderType: (0,packer_artifacts/* builderTypeOf */.hg)(state.name, own[0]?.builderId ?? ''),
                status: this.statusOf(state, errors.length > 0),
                errors,
                artifacts: own
            };
            const end = state.endTimestamp ?? state.lastTimestamp;
            if (state.firstTimestamp !== undefined && end !== undefined) {
                result.durationMs = (end - state.firstTimestamp) * 1000;
            }
            builds.push(result);
            artifacts.push(...own);
        }
        const summary = {
            builds,
            artifacts,
            runErrors: [...this.runErrors],
            uiErrors: [...this.uiErrors],
            cancelled: this.cancelled
        };
        if (this.version !== undefined)
            summary.version = this.version;
        if (this.errorCount !== undefined)
            summary.errorCount = this.errorCount;
        return summary;
    }
    statusOf(state, hasErrors) {
        const failed = hasErrors || state.end === 'errored';
        if (this.cancelled) {
            if (state.end !== undefined && !state.endedAfterInterrupt) {
                return failed ? 'failed' : 'succeeded';
            }
            return 'cancelled';
        }
        if (failed)
            return 'failed';
        if (state.end === 'finished' || state.artifacts.length > 0 || state.pending.size > 0) {
            return 'succeeded';
        }
        if (state.declaredArtifacts !== undefined)
            return 'succeeded';
        // Packer lists every failed build at the end; a build it did not list there has succeeded.
        return this.runEnded ? 'succeeded' : 'failed';
    }
    build(name) {
        if (name === '')
            return undefined;
        let state = this.builds.get(name);
        if (!state) {
            state = {
                name: ownCopy(name),
                endedAfterInterrupt: false,
                errors: [],
                reportedErrors: [],
                artifacts: [],
                pending: new Map()
            };
            this.builds.set(name, state);
            if (this.firstBuilds.length < 32)
                this.firstBuilds.push(state);
        }
        return state;
    }
    /**
     * The build, among the first ones seen, whose progress line starts at `at` in `text`: `==> ` or
     * four blanks, its name, and `: `. The build of the previous match is tried first: output comes
     * in runs from one build.
     */
    knownBuild(text, at) {
        if (!isProgressPrefix(text, at))
            return undefined;
        const recent = this.recentBuild;
        if (recent !== undefined && nameAt(text, at, recent.name))
            return recent;
        // An indexed loop: for…of wraps the early return in an iterator-closing try block.
        const builds = this.firstBuilds;
        for (let k = 0; k < builds.length; k++) {
            const build = builds[k];
            if (build !== recent && nameAt(text, at, build.name)) {
                this.recentBuild = build;
                return build;
            }
        }
        return undefined;
    }
    onUi(line, raw) {
        // The common line, progress from a build already seen, takes this short path (kept small so
        // the JIT inlines it); everything else goes to onOtherUi. Measured at hundreds of MB/s, each
        // charCodeAt counts: see bench/parser.bench.js. The start of a message as printed equals the
        // start unescaped up to the build name, which holds no comma or line break.
        const kind = line.data[0];
        const two = line.data.length === 2;
        const message = two ? line.data[1] : (renderLine(line) ?? '');
        if (kind !== 'error') {
            const known = two && raw !== undefined && raw.start >= 0
                ? this.knownBuild(raw.text, raw.start)
                : this.knownBuild(message, 0);
            if (known !== undefined) {
                if (known.lastTimestamp !== line.timestamp)
                    this.touch(known, line.timestamp);
                return;
            }
        }
        this.onOtherUi(line, kind, message);
    }
    onOtherUi(line, kind, message) {
        if (kind === 'error')
            push(this.uiErrors, message);
        const text = stripLeadingAnsi(message);
        const first = text.charCodeAt(0);
        if (first === 66 /* B */) {
            const lifecycle = buildLifecycle(text);
            if (lifecycle) {
                const build = this.build(lifecycle.name);
                this.touch(build, line.timestamp);
                if (build.end === undefined || lifecycle.end === 'errored') {
                    build.end = lifecycle.end;
                    build.endTimestamp = line.timestamp;
                    build.endedAfterInterrupt = this.interrupted;
                }
                if (lifecycle.error)
                    push(build.reportedErrors, lifecycle.error);
                return;
            }
        }
        if (isProgressPrefix(text, 0)) {
            const known = this.knownBuild(text, 0);
            if (known !== undefined) {
                this.touch(known, line.timestamp);
                return;
            }
            const name = buildNameIn(text, 4);
            if (name) {
                this.touch(this.build(name), line.timestamp);
                return;
            }
        }
        if (text.startsWith('--> ')) {
            // The closing summary: one line per artifact or per failed build.
            const name = buildNameIn(text, 4);
            if (name) {
                this.runEnded = true;
                if (kind === 'error') {
                    push(this.build(name).reportedErrors, text.slice(4 + name.length + 2));
                }
                return;
            }
        }
        const trimmed = text.trimStart();
        if (trimmed.startsWith('==> Wait completed') || trimmed.startsWith('==> Builds finished')) {
            this.runEnded = true;
            return;
        }
        if (trimmed.startsWith('==> Some builds didn'))
            return;
        if (trimmed.startsWith('Cancelling build after receiving interrupt')) {
            this.interrupted = true;
            this.cancelled = true;
            return;
        }
        if (trimmed.startsWith('Cleanly cancelled builds after being interrupted')) {
            this.cancelled = true;
            this.interrupted = true;
            this.runEnded = true;
            return;
        }
        if (kind === 'error' && line.target === '')
            push(this.runErrors, message);
    }
    touch(build, timestamp) {
        if (build.firstTimestamp === undefined)
            build.firstTimestamp = timestamp;
        if (build.end === undefined)
            build.lastTimestamp = timestamp;
    }
    onArtifact(line) {
        const build = this.build(line.target);
        if (!build)
            return;
        const [index, key] = line.data;
        if (index === undefined || key === undefined)
            return;
        let pending = build.pending.get(index);
        if (!pending) {
            pending = { builderId: '', id: '', description: '', files: [], nil: false };
            build.pending.set(index, pending);
        }
        switch (key) {
            case 'builder-id':
                pending.builderId = joined(line.data, 2);
                break;
            case 'id':
                pending.id = joined(line.data, 2);
                break;
            case 'string':
                pending.description = joined(line.data, 2);
                break;
            case 'file': {
                const position = Number(line.data[2]);
                const name = joined(line.data, 3);
                if (Number.isInteger(position) && position >= 0 && position < 1_000_000) {
                    pending.files[position] = name;
                }
                else {
                    pending.files.push(name);
                }
                break;
            }
            case 'nil':
                pending.nil = true;
                break;
            case 'end':
                build.pending.delete(index);
                this.addArtifact(build, pending, build.artifacts);
                break;
        }
    }
    addArtifact(build, pending, into) {
        if (pending.nil)
            return;
        const files = pending.files.filter((f) => f !== undefined);
        // The manifest post-processor of older Packer versions passed on an artifact with no builder
        // id, no id and no files: it names nothing.
        if (pending.builderId === '' && pending.id === '' && files.length === 0)
            return;
        // Packer 1.6+ manifest post-processor hands back the artifact it was given: drop the copy.
        const duplicate = into.some((a) => a.builderId === pending.builderId &&
            a.id === pending.id &&
            a.description === pending.description &&
            a.files.length === files.length &&
            a.files.every((f, i) => f === files[i]));
        if (duplicate)
            return;
        into.push((0,packer_artifacts/* makeArtifact */.jN)(build.name, pending.builderId, pending.id, pending.description, files));
    }
}
/**
 * `s` in a string of its own. A name sliced from a message is a view of the whole decoded chunk:
 * it would keep the chunk alive, and its characters read slower.
 */
function ownCopy(s) {
    return Buffer.from(s, 'utf8').toString('utf8');
}
function joined(data, from = 0) {
    if (data.length === from + 1)
        return data[from];
    return data.slice(from).join(',');
}
function push(list, message) {
    if (list.length >= MAX_KEPT_MESSAGES)
        return;
    list.push(message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message);
}
/** Drops leading blanks, newlines and ANSI colour codes (Packer 0.x coloured machine output). */
function stripLeadingAnsi(s) {
    let i = 0;
    for (;;) {
        const c = s.charCodeAt(i);
        if (c === 10 || c === 13) {
            i++;
        }
        else if (c === 27 || (c === 32 && s.charCodeAt(i + 1) === 91)) {
            // ESC[…m, or " […m" where a copy lost the ESC byte
            const m = s.indexOf('m', i + 2);
            if (s.charCodeAt(i + 1) !== 91 || m === -1 || m - i > 12)
                break;
            i = m + 1;
        }
        else {
            break;
        }
    }
    return i === 0 ? s : s.slice(i);
}
/** `==> ` or four blanks at `at`: the prefix of a build's progress lines. */
function isProgressPrefix(text, at) {
    const first = text.charCodeAt(at);
    if (first === 61 /* = */) {
        return (text.charCodeAt(at + 1) === 61 &&
            text.charCodeAt(at + 2) === 62 &&
            text.charCodeAt(at + 3) === 32);
    }
    return (first === 32 &&
        text.charCodeAt(at + 1) === 32 &&
        text.charCodeAt(at + 2) === 32 &&
        text.charCodeAt(at + 3) === 32);
}
/**
 * `name` at `at + 4` in `text`, followed by `:` and a blank or the end of the line. `text` may go
 * on with further lines: a name holds no line break, so no match runs into them.
 */
function nameAt(text, at, name) {
    const from = at + 4;
    const end = from + name.length;
    if (text.charCodeAt(end) !== 58 /* : */)
        return false;
    const next = text.charCodeAt(end + 1);
    // NaN (next !== next) is the end of the text.
    if (next !== 32 && next !== 10 && next !== 13 && next === next)
        return false;
    // A loop rather than startsWith, which costs more than the few characters of a name.
    for (let k = 0; k < name.length; k++) {
        if (text.charCodeAt(from + k) !== name.charCodeAt(k))
            return false;
    }
    return true;
}
/**
 * The build name at `from` in `==> name: …`, `    name: …` or `==> name (post-processor): …`.
 * Names hold no blanks, which tells them apart from `==> Builds finished.` and the like.
 */
function buildNameIn(text, from) {
    let i = from;
    const n = text.length;
    while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 58 /* : */) {
            const next = text.charCodeAt(i + 1);
            if (i > from && (i + 1 === n || next === 32))
                return text.slice(from, i);
            if (next !== 32 && i + 1 < n) {
                i++;
                continue;
            }
            return undefined;
        }
        if (c === 32) {
            // `name (type):` from a post-processor
            if (i > from && text.charCodeAt(i + 1) === 40 /* ( */) {
                const close = text.indexOf('):', i + 2);
                if (close !== -1 && !text.slice(i + 2, close).includes(' '))
                    return text.slice(from, i);
            }
            return undefined;
        }
        if (c === 9 || c === 10)
            return undefined;
        i++;
    }
    return undefined;
}
/** `Build 'x' finished …` / `Build 'x' errored after …: message` / `Build 'x' errored: message`. */
function buildLifecycle(text) {
    if (!text.startsWith("Build '"))
        return undefined;
    const close = text.indexOf("' ", 7);
    if (close === -1)
        return undefined;
    const name = text.slice(7, close);
    const rest = text.slice(close + 2);
    if (rest.startsWith('finished'))
        return { name, end: 'finished' };
    if (rest.startsWith('errored') || rest.startsWith('failed')) {
        const colon = rest.indexOf(': ');
        return { name, end: 'errored', error: colon === -1 ? rest : rest.slice(colon + 2) };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/packer/machine-readable/parser.ts

const DEFAULT_MAX_LINE_LENGTH = 1024 * 1024;
/**
 * Buffers are decoded at most this many bytes at a time, always up to a newline so that no
 * character is cut, and the unfinished line is kept as bytes. Measured on a 1 GiB stream under
 * Node 24 (bench/parser.bench.js): RSS grew 28 MiB with a StringDecoder over whole chunks, 22 MiB
 * with 8 KiB slices, 9–13 MiB with these.
 */
const DECODE_BYTES = 64 * 1024;
/**
 * Splits a stream into lines across chunk boundaries and hands each parsed line to `onLine`.
 * Only the unfinished last line is kept between chunks, and at most `maxLineLength` of it: a
 * longer line is cut there, reported with `truncated = true`, and counted.
 */
class MachineReadableParser {
    onLine;
    /** Machine-readable lines handed to `onLine`. */
    lines = 0;
    /** Non-blank lines that were not machine-readable. */
    otherLines = 0;
    /** Lines cut at `maxLineLength`. */
    truncatedLines = 0;
    maxLineLength;
    onOtherLine;
    /** The unfinished last line, when fed strings. */
    partial = '';
    /** The unfinished last line, when fed Buffers: copies, so no chunk is kept alive. */
    partialBytes = [];
    partialByteLength = 0;
    overflowed = false;
    /** Handed to `onLine` with each line; see {@link RawMessage}. */
    raw = { text: '', start: -1 };
    constructor(onLine, options = {}) {
        this.onLine = onLine;
        this.maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
        this.onOtherLine = options.onOtherLine;
    }
    /** How much of an unfinished line is held: characters, or bytes when fed Buffers. */
    get buffered() {
        return this.partial.length + this.partialByteLength;
    }
    push(chunk) {
        if (typeof chunk === 'string') {
            if (this.partialByteLength > 0)
                this.bytesToText();
            this.pushText(chunk);
            return;
        }
        if (this.partial.length > 0)
            this.textToBytes();
        const n = chunk.length;
        let pos = 0;
        if (this.partialByteLength > 0 || this.overflowed) {
            const newline = chunk.indexOf(10);
            if (newline === -1) {
                this.keepBytes(chunk, 0, n);
                return;
            }
            this.keepBytes(chunk, 0, newline);
            this.flushPartialBytes();
            pos = newline + 1;
        }
        while (pos < n) {
            // Whole lines only, so no character is cut: a newline byte is never part of one.
            let cut = chunk.lastIndexOf(10, Math.min(pos + DECODE_BYTES, n) - 1);
            if (cut < pos) {
                cut = chunk.indexOf(10, pos + DECODE_BYTES);
                if (cut === -1) {
                    this.keepBytes(chunk, pos, n);
                    return;
                }
            }
            this.pushText(chunk.toString('utf8', pos, cut + 1));
            pos = cut + 1;
        }
    }
    /** Flushes the last line when the stream ends without a newline. */
    end() {
        if (this.partialByteLength > 0)
            this.flushPartialBytes();
        else if (this.partial.length > 0 || this.overflowed)
            this.flushPartial();
    }
    pushText(text) {
        if (text.length === 0)
            return;
        let newline = text.indexOf('\n');
        if (newline === -1) {
            this.keep(text, 0, text.length);
            return;
        }
        if (this.partial.length > 0 || this.overflowed) {
            this.keep(text, 0, newline);
            this.flushPartial();
            this.raw.text = text;
        }
        else {
            // Set once for all the lines of this text (a store per line would cost a write barrier).
            this.raw.text = text;
            this.emitSlice(text, 0, newline);
        }
        let pos = newline + 1;
        while ((newline = text.indexOf('\n', pos)) !== -1) {
            this.emitSlice(text, pos, newline);
            pos = newline + 1;
        }
        if (pos < text.length)
            this.keep(text, pos, text.length);
    }
    keep(text, from, to) {
        if (this.overflowed)
            return;
        const room = this.maxLineLength - this.partial.length;
        if (to - from <= room) {
            this.partial += text.slice(from, to);
        }
        else {
            this.partial += text.slice(from, from + room);
            this.overflowed = true;
        }
    }
    keepBytes(chunk, from, to) {
        if (this.overflowed || to === from)
            return;
        const room = this.maxLineLength - this.partialByteLength;
        const end = to - from <= room ? to : from + room;
        if (end < to)
            this.overflowed = true;
        this.partialBytes.push(Buffer.from(chunk.subarray(from, end)));
        this.partialByteLength += end - from;
    }
    flushPartial() {
        const line = this.partial;
        const truncated = this.overflowed;
        this.partial = '';
        this.overflowed = false;
        this.emit(line, truncated);
    }
    flushPartialBytes() {
        const line = Buffer.concat(this.partialBytes, this.partialByteLength).toString('utf8');
        const truncated = this.overflowed;
        this.partialBytes = [];
        this.partialByteLength = 0;
        this.overflowed = false;
        this.emit(line, truncated);
    }
    /** Mixed input (rare): carry the unfinished line over as text. */
    bytesToText() {
        this.partial = Buffer.concat(this.partialBytes, this.partialByteLength).toString('utf8');
        this.partialBytes = [];
        this.partialByteLength = 0;
    }
    /** Mixed input (rare): carry the unfinished line over as bytes. */
    textToBytes() {
        const bytes = Buffer.from(this.partial, 'utf8');
        this.partial = '';
        this.partialBytes = [bytes];
        this.partialByteLength = bytes.length;
    }
    /** The line `text[from, to)`: parsed where it lies, with no copy of it made first. */
    emitSlice(text, from, to) {
        if (to - from > this.maxLineLength) {
            this.emit(text.slice(from, from + this.maxLineLength), true);
            this.raw.text = text;
            return;
        }
        const line = parseMachineReadableLine(text, from, to, this.raw);
        if (line) {
            this.lines++;
            this.onLine(line, false, this.raw);
        }
        else {
            this.other(text.slice(from, to), false);
        }
    }
    emit(text, truncated) {
        if (truncated)
            this.truncatedLines++;
        this.raw.text = text;
        const line = parseMachineReadableLine(text, 0, text.length, this.raw);
        if (line) {
            this.lines++;
            this.onLine(line, truncated, this.raw);
        }
        else {
            this.other(text, truncated);
        }
    }
    other(raw, truncated) {
        const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (text.trim() === '')
            return;
        this.otherLines++;
        this.onOtherLine?.(text, truncated);
    }
}

// EXTERNAL MODULE: ./src/action/outputs.ts
var outputs = __webpack_require__(18948);
;// CONCATENATED MODULE: ./src/action/upload.ts


/**
 * Uploads files with @actions/artifact. Neither outcome but success throws: where the artifact
 * service is not there it says so, and where the upload fails it says why.
 */
async function uploadFiles(name, files, env = process.env) {
    if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
        return { kind: 'unavailable', reason: 'the artifact service is not available on this runner' };
    }
    try {
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(110), __webpack_require__.e(458)]).then(__webpack_require__.bind(__webpack_require__, 67458));
        const client = new DefaultArtifactClient();
        const root = external_node_path_.dirname(files[0]);
        const result = await client.uploadArtifact(name, files, root);
        return { kind: 'uploaded', id: result.id, size: result.size };
    }
    catch (error) {
        // @actions/artifact's own word for a server without the service.
        if (error instanceof Error && error.name === 'GHESNotSupportedError')
            return { kind: 'unavailable', reason: (0,errors/* getErrorMessage */.u1)(error) };
        return { kind: 'failed', reason: (0,errors/* getErrorMessage */.u1)(error) };
    }
}

// EXTERNAL MODULE: ./src/packer/manifest.ts
var packer_manifest = __webpack_require__(58277);
// EXTERNAL MODULE: ./src/action/dictionary.ts
var dictionary = __webpack_require__(44276);
;// CONCATENATED MODULE: ./src/packer/plugins.ts
/**
 * `packer init` and the plugin cache. Init is skipped, with a notice, where the Packer version has
 * none (before 1.7) or no template declares `required_plugins`. The plugin directory is cached with
 * @actions/cache, keyed on os/arch, the Packer version and a hash of the `required_plugins` blocks.
 */






/**
 * The HCL text without its comments (`#` and `//` to the end of the line, `/* … *\/`). A scanner,
 * not a pattern, because a quoted string may hold `#` or `//` (a plugin source URL, say).
 */
function stripHclComments(text) {
    let out = '';
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (c === '"') {
            let j = i + 1;
            while (j < text.length && text[j] !== '"' && text[j] !== '\n')
                j += text[j] === '\\' ? 2 : 1;
            out += text.slice(i, j + 1);
            i = j + 1;
        }
        else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
            while (i < text.length && text[i] !== '\n')
                i++;
        }
        else if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? text.length : end + 2;
            out += ' ';
        }
        else {
            out += c;
            i++;
        }
    }
    return out;
}
/** The `required_plugins { … }` blocks of an HCL text, braces balanced, comments left out. */
function requiredPluginsBlocks(text) {
    const stripped = stripHclComments(text);
    const blocks = [];
    const re = /\brequired_plugins\s*\{/g;
    let match;
    while ((match = re.exec(stripped))) {
        let depth = 1;
        let i = match.index + match[0].length;
        for (; i < stripped.length && depth > 0; i++) {
            if (stripped[i] === '{')
                depth++;
            else if (stripped[i] === '}')
                depth--;
        }
        blocks.push(stripped.slice(match.index, i).replace(/\s+/g, ' ').trim());
        re.lastIndex = i;
    }
    return blocks;
}
/**
 * The `required_plugins` of an HCL2 template in JSON syntax (`.pkr.json`): under `packer`, which
 * may be an object or a list of them, as may `required_plugins`. Each one as canonical JSON; none
 * when the file is not JSON (packer init then says what is wrong with it).
 */
function requiredPluginsJson(text) {
    return requiredPluginsValues(text).map((plugins) => `required_plugins ${canonicalJson(plugins)}`);
}
/** Each `required_plugins` value under `packer` in a `.pkr.json` text; none when it is not JSON. */
function requiredPluginsValues(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return [];
    }
    const list = (value) => value === undefined ? [] : Array.isArray(value) ? value : [value];
    return ((0,dictionary/* isObject */.G)(parsed) ? list(parsed.packer) : [])
        .filter(dictionary/* isObject */.G)
        .flatMap((block) => list(block.required_plugins));
}
/** JSON with object keys sorted, so that the same plugins give the same cache key. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if ((0,dictionary/* isObject */.G)(value)) {
        const keys = Object.keys(value).sort();
        return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
    }
    return JSON.stringify(value) ?? 'null';
}
/** The HCL2 template files Packer reads for this template (a file, or a folder's top level). */
function templateFiles(paths) {
    if (paths.kind === 'legacy-json')
        return [];
    if (paths.kind === 'hcl2-file')
        return [paths.template];
    return (0,external_node_fs_.readdirSync)(paths.template)
        .filter((f) => f.endsWith('.pkr.hcl') || f.endsWith('.pkr.json'))
        .sort()
        .map((f) => external_node_path_.join(paths.template, f))
        .filter((f) => (0,external_node_fs_.statSync)(f).isFile());
}
/** The entries of `required_plugins` blocks as `requiredPluginsBlocks` returns them. */
function pluginEntriesHcl(blocks) {
    const entries = [];
    for (const block of blocks) {
        const body = block.slice(block.indexOf('{') + 1);
        for (const match of body.matchAll(/([A-Za-z_][\w-]*)\s*=\s*\{([^{}]*)\}/g)) {
            const attribute = (name) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(match[2])?.[1] ?? '';
            entries.push({
                localName: match[1],
                source: attribute('source'),
                version: attribute('version')
            });
        }
    }
    return entries;
}
/** The entries of the `required_plugins` of a `.pkr.json` template. */
function pluginEntriesJson(text) {
    return requiredPluginsValues(text)
        .filter(dictionary/* isObject */.G)
        .flatMap((plugins) => Object.entries(plugins)
        .filter((entry) => (0,dictionary/* isObject */.G)(entry[1]))
        .map(([localName, entry]) => ({
        localName,
        source: typeof entry.source === 'string' ? entry.source : '',
        version: typeof entry.version === 'string' ? entry.version : ''
    })));
}
/**
 * What the template's files declare in `required_plugins`, in file order, each file read once:
 * the blocks as text (what the plugin cache key hashes) and their entries.
 */
function pluginDeclarations(paths) {
    const blocks = [];
    const requirements = [];
    for (const file of templateFiles(paths)) {
        const text = (0,external_node_fs_.readFileSync)(file, 'utf8');
        if (file.endsWith('.pkr.json')) {
            blocks.push(...requiredPluginsJson(text));
            requirements.push(...pluginEntriesJson(text));
        }
        else {
            const found = requiredPluginsBlocks(text);
            blocks.push(...found);
            requirements.push(...pluginEntriesHcl(found));
        }
    }
    return { blocks, requirements };
}
function pluginCacheKey(platform, arch, packerVersion, blocks) {
    const hash = (0,external_node_crypto_.createHash)('sha256').update(blocks.join('\n')).digest('hex').slice(0, 16);
    return `packer-plugins-${platform}-${arch}-packer-${packerVersion}-${hash}`;
}
/**
 * The key a plugin directory is saved under: the constraints' key followed by a hash of the plugin
 * files installed (each name carries the plugin's resolved version and protocol), so two runs that
 * resolved different versions never share an entry, and a run restores the newest entry saved for
 * its constraints without asking any release server which versions exist.
 */
function installedPluginsKey(prefix, files) {
    const hash = (0,external_node_crypto_.createHash)('sha256')
        .update([...files].sort().join('\n'))
        .digest('hex')
        .slice(0, 16);
    return `${prefix}-${hash}`;
}
/** The plugin binaries under a plugin directory that carry a `_SHA256SUM`, relative to it. */
async function installedPluginFiles(dir) {
    const entries = await (0,promises_.readdir)(dir, { recursive: true }).catch(() => []);
    const names = new Set(entries.map(String));
    return [...names]
        .filter((name) => /(^|[\\/])packer-plugin-[^\\/]+$/.test(name) && names.has(`${name}_SHA256SUM`))
        .map((name) => name.split(external_node_path_.sep).join('/'))
        .sort();
}
async function loadCache() {
    return (await Promise.all(/* import() */[__webpack_require__.e(110), __webpack_require__.e(91)]).then(__webpack_require__.bind(__webpack_require__, 18091)));
}
/** Restores the newest plugin directory saved for these constraints (`installedPluginsKey`). */
async function restorePlugins(cache, dir, prefix) {
    if (!cache.isFeatureAvailable())
        return { kind: 'unavailable', reason: 'the cache service is not available on this runner' };
    try {
        const hit = await cache.restoreCache([dir], prefix, [`${prefix}-`]);
        return hit ? { kind: 'hit', key: hit } : { kind: 'miss', key: prefix };
    }
    catch (error) {
        return { kind: 'unavailable', reason: (0,errors/* getErrorMessage */.u1)(error) };
    }
}

;// CONCATENATED MODULE: ./src/commands/init.ts
/** `packer init` (`command: init`, and before validate and build), with the plugin cache. */






/**
 * `packer init`, with the plugin directory restored from and saved to the Actions cache. Skipped,
 * with the reason in the log, where Packer has no init (before 1.7) or no template declares
 * `required_plugins`.
 */
async function init(ctx, pluginDir) {
    if (!hasInit(ctx.version)) {
        ctx.log.info(`Skipping packer init: Packer ${ctx.version} has no init command (it came in 1.7)`);
        return;
    }
    const { blocks, requirements } = pluginDeclarations(ctx.paths);
    if (blocks.length === 0) {
        ctx.log.info('Skipping packer init: no template declares required_plugins');
        return;
    }
    await ctx.log.group('packer init', async () => {
        const prefix = pluginCacheKey(process.platform, process.arch, ctx.version, blocks);
        const cache = ctx.inputs.cachePlugins ? await loadCache() : undefined;
        const restored = cache ? await restorePlugins(cache, pluginDir, prefix) : undefined;
        if (restored?.kind === 'unavailable')
            ctx.log.notice(`Plugin cache skipped: ${restored.reason}`);
        if (restored?.kind === 'hit')
            ctx.log.info(`Plugins restored from the cache (${restored.key})`);
        if (ctx.inputs.installOfficialPlugins) {
            const { installOfficialPlugins } = await __webpack_require__.e(/* import() */ 206).then(__webpack_require__.bind(__webpack_require__, 59206));
            const installed = await installOfficialPlugins({
                requirements,
                pluginDir,
                releasesUrl: ctx.installer.releasesUrl,
                signingKey: ctx.installer.releasesSigningKey,
                platform: releasePlatform(process.platform, process.arch),
                tempDir: (0,run_dir/* runnerTemp */.X)(),
                // A plugin's describe runs as Packer would run it: no inputs, state or runner tokens.
                env: ctx.env,
                cancelled: () => ctx.cancellation.requested,
                onCancel: (listener) => ctx.cancellation.onSignal(listener)
            });
            for (const plugin of installed) {
                ctx.log.info(`${plugin.source} ${plugin.version}: ${plugin.present ? 'already installed' : 'installed from releases-url, signature and checksum verified'}`);
            }
        }
        const token = pluginTokenEnv(ctx.inputs.githubToken, ctx.env.GITHUB_SERVER_URL);
        if (token.skipped)
            ctx.log.info(token.skipped);
        const result = await capture(ctx, initArgs(ctx.paths), { ...ctx.env, ...token.env });
        if (result.exitCode !== 0)
            throw new errors/* ActionError */.lZ(failure('packer init', result.exitCode, result.output, pathContext(ctx)));
        if (cache && restored?.kind !== 'unavailable') {
            // Keyed on what is installed now, so the key names the resolved versions, and a run that
            // restored exactly this set saves nothing.
            const key = installedPluginsKey(prefix, await installedPluginFiles(pluginDir));
            if (restored?.kind === 'hit' && restored.key === key)
                return;
            try {
                await cache.saveCache([pluginDir], key);
                ctx.log.info(`Plugins saved to the cache (${key})`);
            }
            catch (error) {
                ctx.log.notice(`Plugin cache not saved: ${(0,errors/* getErrorMessage */.u1)(error)}`);
            }
        }
    });
}
async function runInit({ ctx, pluginDir }) {
    await init(ctx, pluginDir);
}

;// CONCATENATED MODULE: ./src/commands/fmt.ts
/** `command: fmt`: `packer fmt`, checking (`fmt-check`) or rewriting the template files. */






/**
 * Why `packer fmt` does not apply to the template, if it does not: it formats HCL files only, and
 * exits with an error on a JSON one (and on a folder holding no HCL file).
 */
function notFormattable(paths) {
    if (!canFormat(paths))
        return 'legacy JSON templates are not HCL';
    if (paths.kind === 'hcl2-file' && !paths.template.endsWith('.pkr.hcl'))
        return `${external_node_path_.basename(paths.template)} is HCL2 in JSON syntax, not HCL`;
    if (paths.kind === 'hcl2-dir' &&
        !(0,external_node_fs_.readdirSync)(paths.template).some((f) => f.endsWith('.pkr.hcl') || f.endsWith('.pkrvars.hcl')))
        return 'the folder holds .pkr.json templates only, no HCL files';
    return undefined;
}
/** `packer fmt -check -diff`: each unformatted file is an annotation, the diff goes to the log. */
async function fmtCheck(ctx) {
    const skip = notFormattable(ctx.paths);
    if (skip) {
        ctx.log.info(`packer fmt skipped: ${skip}`);
        return { findings: [] };
    }
    return ctx.log.group('packer fmt -check', async () => {
        const result = await capture(ctx, fmtArgs(ctx.paths, ctx.version, true));
        if (result.exitCode === 0)
            return { findings: [] };
        const parsed = parseFmtCheck(result.output, pathContext(ctx));
        for (const finding of parsed.findings)
            ctx.log.finding(finding);
        const files = parsed.diffs.map((d) => d.file);
        return {
            findings: parsed.findings,
            failure: files.length > 0
                ? `${files.length} file(s) are not formatted: ${files.join(', ')}; run \`packer fmt\``
                : failure('packer fmt -check', result.exitCode, result.output, pathContext(ctx))
        };
    });
}
/**
 * The files `packer fmt` says it rewrote (it prints each one's name on a line of its own),
 * relative to the repository root. Pure.
 */
function rewrittenFiles(output, context) {
    return output
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line.endsWith('.hcl') && !line.includes(' '))
        .map((file) => workspacePath(file, context));
}
/** `packer fmt`: rewrites the files. */
async function fmtWrite(ctx) {
    const skip = notFormattable(ctx.paths);
    if (skip)
        throw new errors/* ActionError */.lZ(`packer fmt does not apply to this template: ${skip}`);
    return ctx.log.group('packer fmt', async () => {
        const result = await capture(ctx, fmtArgs(ctx.paths, ctx.version, false));
        if (result.exitCode !== 0)
            return {
                findings: [],
                formatted: [],
                failure: failure('packer fmt', result.exitCode, result.output, pathContext(ctx))
            };
        const formatted = rewrittenFiles(result.output, pathContext(ctx));
        ctx.log.info(formatted.length
            ? `packer fmt rewrote ${formatted.length} file(s): ${formatted.join(', ')}`
            : 'packer fmt found every file formatted already');
        return { findings: [], formatted };
    });
}
async function runFmt({ ctx, report }) {
    if (ctx.inputs.fmtCheck) {
        const result = await fmtCheck(ctx);
        report.fmtFindings = result.findings;
        if (result.failure)
            throw new Error(result.failure);
        return;
    }
    const result = await fmtWrite(ctx);
    report.formatted = result.formatted;
    if (result.failure)
        throw new Error(result.failure);
}

;// CONCATENATED MODULE: ./src/commands/build-selection.ts
/**
 * Which of a template's builds `only` and `except` select. Packer matches them as glob patterns
 * against each build's name, and does not say which builds there are when they select none, so the
 * action lists the builds with `packer inspect` and names them in its error.
 */



/**
 * The names `-only` and `-except` match, from `packer inspect -machine-readable`: a legacy JSON
 * template's `template-builder` records, or the sources of each HCL2 build (prefixed with the
 * build's name when it has one). Pure.
 */
function buildNamesFromInspect(output) {
    const names = [];
    for (const line of output.split(/\r?\n/)) {
        const fields = line.split(',');
        if (fields[2] === 'template-builder' && fields[3])
            names.push(fields[3]);
        if (fields[2] !== 'ui' || fields[3] !== 'say')
            continue;
        const text = fields
            .slice(4)
            .join(',')
            .replace(/%!\(PACKER_COMMA\)/g, ',')
            .replace(/\\n/g, '\n');
        if (!text.startsWith('> builds:'))
            continue;
        let build;
        let section = '';
        for (const row of text.split('\n')) {
            const header = /^ {2}> (.+):$/.exec(row);
            if (header) {
                build = header[1].startsWith('<unnamed build') ? undefined : header[1];
                section = '';
                continue;
            }
            const heading = /^ {4}(\S[^:]*):$/.exec(row);
            if (heading) {
                section = heading[1];
                continue;
            }
            const source = /^ {6}(\S+)$/.exec(row);
            if (source && section === 'sources')
                names.push(build ? `${build}.${source[1]}` : source[1]);
        }
    }
    return [...new Set(names)];
}
/**
 * Whether `pattern`, as Packer reads `-only` and `-except` (a glob: `*`, `?`, `[...]`), matches the
 * build `name`, or the name without its build block's prefix (`web.` of `web.amazon-ebs.ubuntu`).
 * It errs towards a match, so that the action never refuses a selection Packer would run. Pure.
 */
function matchesBuild(pattern, name) {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '*')
            source += '.*';
        else if (c === '?')
            source += '.';
        else if (c === '[') {
            const end = pattern.indexOf(']', i + 2);
            if (end < 0)
                return true;
            const body = pattern
                .slice(i + 1, end)
                .replace(/^!/, '^')
                .replace(/\\/g, '\\\\');
            source += `[${body}]`;
            i = end;
        }
        else if (c === '\\' && i + 1 < pattern.length) {
            source += escapeRegExp(pattern[++i]);
        }
        else if (c === '{' || c === '}') {
            // A brace alternation cannot arrive whole: the inputs are split at commas.
            return true;
        }
        else
            source += escapeRegExp(c);
    }
    let re;
    try {
        re = new RegExp(`^(?:${source})$`, 's');
    }
    catch {
        return true;
    }
    const dot = name.indexOf('.');
    const withoutBuild = name.indexOf('.', dot + 1) > 0 ? name.slice(dot + 1) : undefined;
    return re.test(name) || (withoutBuild !== undefined && re.test(withoutBuild));
}
function escapeRegExp(c) {
    return /[.+^$(){}|[\]\\/]/.test(c) ? `\\${c}` : c;
}
/** The builds of `names` that `only` and `except` leave to run. Pure. */
function selectedBuilds(names, inputs) {
    return names.filter((name) => inputs.only.length
        ? inputs.only.some((p) => matchesBuild(p, name))
        : !inputs.except.some((p) => matchesBuild(p, name)));
}
/** The error for `only` or `except` that select no build, naming the builds there are. Pure. */
function noBuildSelected(inputs, names, consequence) {
    const input = inputs.only.length ? constants/* Inputs */.G0.Only : constants/* Inputs */.G0.Except;
    const values = inputs.only.length ? inputs.only : inputs.except;
    return (`Input '${input}' (${values.join(', ')}) ${input === constants/* Inputs */.G0.Only ? 'matches none of' : 'leaves none of'} the template's builds, ${consequence}; ` +
        (names.length ? `its builds: ${names.join(', ')}` : 'packer inspect could not list them'));
}
/** The template's build names, from `packer inspect`; none when it cannot list them. */
async function templateBuildNames(ctx) {
    const chunks = [];
    try {
        await runProcess(ctx.binary, ['inspect', '-machine-readable', templateArgument(ctx.paths)], {
            cwd: ctx.paths.workingDirectory,
            env: ctx.env,
            onStdout: (c) => chunks.push(c),
            onStderr: () => undefined
        });
        return buildNamesFromInspect(Buffer.concat(chunks).toString('utf8'));
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./src/commands/validate.ts
/** `packer validate`, for `command: validate` and before every build. */






/** `packer validate`: HCL diagnostics become annotations at their file and line. */
async function validate(ctx) {
    return ctx.log.group('packer validate', async () => {
        const result = await capture(ctx, validateArgs(ctx.inputs, ctx.paths, ctx.sensitiveVarFile));
        // A valid template can still draw warnings (an undeclared variable in a var-file, a
        // deprecated option); they become annotations too.
        const findings = findingsFromDiagnostics(result.output, pathContext(ctx));
        for (const finding of findings)
            ctx.log.finding(finding);
        if (result.exitCode === 0)
            return { findings };
        const first = findings.find((f) => f.severity === 'error');
        return {
            findings,
            failure: first
                ? `packer validate failed: ${first.title ? `${first.title}: ` : ''}${first.message}`
                : failure('packer validate', result.exitCode, result.output, pathContext(ctx))
        };
    });
}
async function runValidate({ ctx, pluginDir, report }) {
    await init(ctx, pluginDir);
    const failures = [];
    if (ctx.inputs.fmtCheck) {
        const fmt = await fmtCheck(ctx);
        report.fmtFindings = fmt.findings;
        if (fmt.failure)
            failures.push(fmt.failure);
    }
    const checked = await validate(ctx);
    report.validateFindings = checked.findings;
    if (checked.failure)
        failures.push(checked.failure);
    else if (ctx.inputs.only.length || ctx.inputs.except.length) {
        // Packer validates a selection that leaves no build (with at most a warning for `only`);
        // the build it stands for would fail, so the check fails now.
        const names = await templateBuildNames(ctx);
        if (names.length && selectedBuilds(names, ctx.inputs).length === 0) {
            failures.push(noBuildSelected(ctx.inputs, names, 'so a build would build nothing'));
        }
    }
    if (failures.length)
        throw new Error(failures.join('; '));
    ctx.log.info('The template is valid.');
}

;// CONCATENATED MODULE: ./src/commands/build.ts
/** `command: build`: `packer build`, streamed through the machine-readable parser. */






















/**
 * `packer build -machine-readable`: the stream is parsed as it arrives (constant memory), written
 * to the log as Packer's human output, and followed build by build. A log group is opened per
 * build while builds run one at a time; once their output interleaves, lines go ungrouped.
 */
async function build(ctx) {
    if (ctx.cancellation.requested)
        throw new CancelledError('packer build');
    const args = buildArgs(ctx.inputs, ctx.paths, ctx.sensitiveVarFile);
    ctx.log.info(`[command]${commandLine(ctx.binary, args)}`);
    const logFile = (0,external_node_fs_.createWriteStream)(ctx.logFile, { mode: 0o600 });
    let logFailed = false;
    logFile.on('error', (error) => {
        // A full disk loses the log file, not the build: the log itself goes on.
        if (!logFailed)
            ctx.log.notice(`The build log file is incomplete: ${(0,errors/* getErrorMessage */.u1)(error)}`);
        logFailed = true;
    });
    const tracker = new BuildTracker();
    const aws = new resources/* AwsResourceTracker */.g_([ctx.env.AWS_REGION ?? '', ctx.env.AWS_DEFAULT_REGION ?? '']);
    const grouping = new BuildGrouping(ctx.log);
    const print = (text, build) => {
        // Redacted once, for the log and the file alike: this runs for every line of the build.
        const clean = grouping.line(text, build);
        if (!logFailed)
            logFile.write(clean + '\n');
    };
    const parser = new MachineReadableParser((line, _truncated, raw) => {
        tracker.consume(line, raw);
        if (aws.consume(line))
            ctx.onAwsResources?.(aws.current);
        const text = renderLine(line);
        if (text !== undefined)
            print(text, buildOf(text));
    }, { onOtherLine: (text) => print(text) });
    const stderr = new MachineReadableParser((line) => print(line.data.join(',')), {
        onOtherLine: (text) => print(text)
    });
    let result;
    try {
        result = await runProcess(ctx.binary, args, {
            cwd: ctx.paths.workingDirectory,
            env: ctx.env,
            cancellation: ctx.cancellation,
            onStdout: (chunk) => parser.push(chunk),
            onStderr: (chunk) => stderr.push(chunk),
            onForward: (signal) => print(`Cancelling: sent ${signal} to Packer's process group; waiting for Packer to clean up`),
            onLeftovers: (left) => print(`Stopping ${left.length} process(es) Packer left running: ${left
                .map((p) => `${p.command} (pid ${p.pid})`)
                .join(', ')}`)
        });
        parser.end();
        stderr.end();
    }
    finally {
        grouping.close();
        ctx.log.resume();
        await new Promise((resolve) => logFile.end(resolve));
    }
    if (result.cancelled)
        tracker.markCancelled();
    const summary = tracker.result();
    const findings = [];
    const context = pathContext(ctx);
    for (const message of summary.runErrors) {
        const found = findingsFromDiagnostics(message, context);
        findings.push(...(found.length ? found : [{ severity: 'error', message }]));
    }
    for (const b of summary.builds) {
        for (const error of b.errors)
            findings.push({ severity: 'error', title: `Build '${b.name}' failed`, message: error });
    }
    for (const finding of findings)
        ctx.log.finding(finding);
    return {
        exitCode: result.exitCode,
        cancelled: result.cancelled,
        summary,
        findings,
        primaryAmis: aws.primaryAmis
    };
}
/** The build a rendered ui line speaks of: `==> name: …`, `    name: …`, `Build 'name' …`. */
function buildOf(text) {
    const arrow = /^(?:==> |--> |\s{4})([^\s:]+?)(?: \([^)]*\))?: /.exec(text);
    if (arrow)
        return arrow[1];
    const quoted = /^Build '([^']+)' /.exec(text);
    return quoted?.[1];
}
class BuildGrouping {
    log;
    open;
    interleaved = false;
    finished = new Set();
    constructor(log) {
        this.log = log;
    }
    /** Prints one line of Packer's, in its build's group where it has one; returns it as printed. */
    line(text, build) {
        if (build && !this.interleaved && build !== this.open) {
            if (this.open && !this.finished.has(this.open)) {
                this.close();
                this.interleaved = true;
            }
            else if (!this.finished.has(build)) {
                this.close();
                this.log.startGroup(`Build '${build}'`);
                this.open = build;
            }
        }
        const printed = this.log.output(text);
        if (build && /^Build '[^']+' (finished|errored)/.test(text)) {
            this.finished.add(build);
            if (build === this.open)
                this.close();
        }
        return printed;
    }
    close() {
        if (this.open)
            this.log.endGroup();
        this.open = undefined;
    }
}
function fileSize(workingDirectory) {
    return (name) => {
        try {
            return (0,external_node_fs_.statSync)(external_node_path_.resolve(workingDirectory, name)).size;
        }
        catch {
            return 0;
        }
    };
}
async function runBuild({ ctx, pluginDir, runDir, report }) {
    try {
        await init(ctx, pluginDir);
        // Validated first: `packer build` reports a source it cannot prepare but still runs the
        // builds it could, so a template with one broken source would create the others' images.
        const checked = await validate(ctx);
        report.validateFindings = checked.findings;
        if (checked.failure)
            throw new Error(checked.failure);
    }
    catch (error) {
        (0,outputs/* setNoImageOutputs */.z)();
        throw error;
    }
    await buildAndReport(ctx, runDir, report);
}
/**
 * Packer exited on its own and ran its cleanup, but Packer 1.x leaves an AMI registered that was
 * still pending when the build was cancelled or failed, and copies it was still waiting for in
 * other regions; they are billed, and deleted here. With `on-error: abort` the user asked to keep
 * what a failed build made, so those are only named.
 */
async function handleLeftovers(ctx, run, left) {
    const succeeded = !run.cancelled && run.exitCode === 0;
    // `abort` keeps what a failed build made; a cancel is not a failure of the build.
    const kept = !run.cancelled && ctx.inputs.onError === 'abort';
    if (!(0,resources/* hasResources */.MP)(left) || succeeded || kept) {
        core/* saveState */.LZ(constants/* State */.Uw.AwsResources, '');
        if ((0,resources/* hasResources */.MP)(left) && kept) {
            ctx.log.notice(`on-error is abort: the failed build's AMIs stay for debugging: ${left.amis.map((a) => a.id).join(', ')}`);
        }
        return;
    }
    const { deleteLeftovers } = await Promise.all(/* import() */[__webpack_require__.e(193), __webpack_require__.e(146)]).then(__webpack_require__.bind(__webpack_require__, 98765));
    const remaining = await deleteLeftovers(left, ctx.env, `The ${run.cancelled ? 'cancelled' : 'failed'} build left AMIs registered`);
    // What could not be deleted stays in the state for the post step to try again.
    core/* saveState */.LZ(constants/* State */.Uw.AwsResources, (0,resources/* hasResources */.MP)(remaining) ? JSON.stringify(remaining) : '');
}
async function buildAndReport(ctx, runDir, report) {
    let tracked;
    const run = await build({
        ...ctx,
        // Saved as they appear: if the runner kills Packer and the action outright, the post step
        // deletes what this run left behind.
        onAwsResources: (resources) => {
            tracked = resources;
            core/* saveState */.LZ(constants/* State */.Uw.AwsResources, JSON.stringify(resources));
        }
    });
    if (tracked)
        await handleLeftovers(ctx, run, (0,resources/* afterPackerExit */.Rf)(tracked));
    const { artifacts } = run.summary;
    report.builds = run.summary.builds;
    report.validateFindings = [...(report.validateFindings ?? []), ...run.findings];
    // Outputs are set for the builds that succeeded even when another failed.
    const manifest = (0,packer_manifest/* manifestFromArtifacts */.r6)(artifacts, {
        runUuid: (0,external_node_crypto_.randomUUID)(),
        buildTime: Math.floor(Date.now() / 1000),
        fileSize: fileSize(ctx.paths.workingDirectory),
        primaryAmis: run.primaryAmis
    });
    const manifestFile = external_node_path_.join(runDir, 'manifest.json');
    // Redacted as the log is: the manifest is uploaded, and read by tfvars and promote.
    await (0,promises_.writeFile)(manifestFile, JSON.stringify(ctx.log.redactDeep(manifest), null, 2) + '\n');
    (0,outputs/* setImageOutputs */.C)(artifacts, manifestFile, (v) => ctx.log.redact(v), run.primaryAmis);
    core/* setOutput */.uH(constants/* Outputs */.tY.ExitCode, String(run.exitCode));
    if (ctx.inputs.uploadArtifact) {
        const outcome = await uploadFiles(ctx.inputs.uploadArtifact, [manifestFile, ctx.logFile]);
        if (outcome.kind === 'unavailable')
            ctx.log.notice(`Artifact '${ctx.inputs.uploadArtifact}' not uploaded: ${outcome.reason}`);
        else if (outcome.kind === 'failed')
            ctx.log.warning(`Artifact '${ctx.inputs.uploadArtifact}' not uploaded: ${outcome.reason}`);
        else
            ctx.log.info(`Uploaded artifact '${ctx.inputs.uploadArtifact}' (the manifest and the build log)`);
    }
    if (run.cancelled)
        throw new CancelledError('packer build');
    // Packer says it has no build to process when only/except leave none (older releases exit 0);
    // any other failure before a build started is reported as itself.
    const nothingSelected = run.exitCode === 0 ||
        run.findings.some((f) => f.message.includes('without at least one build to process'));
    if (nothingSelected &&
        run.summary.builds.length === 0 &&
        (ctx.inputs.only.length || ctx.inputs.except.length)) {
        throw new errors/* ActionError */.lZ(noBuildSelected(ctx.inputs, await templateBuildNames(ctx), 'so nothing was built'));
    }
    if (run.exitCode !== 0) {
        const failed = run.summary.builds.filter((b) => b.status === 'failed');
        const first = run.findings.find((f) => f.severity === 'error');
        throw new Error(failed.length
            ? `${failed.length} of ${run.summary.builds.length} build(s) failed: ${failed
                .map((b) => `${b.name}${b.errors[0] ? ` (${b.errors[0]})` : ''}`)
                .join('; ')}`
            : `packer build failed (exit code ${run.exitCode})${first ? `: ${first.message}` : ''}`);
    }
}

// EXTERNAL MODULE: ./src/lifecycle/promotion.ts
var promotion = __webpack_require__(74857);
// EXTERNAL MODULE: ./src/lifecycle/retention.ts
var retention = __webpack_require__(1642);
// EXTERNAL MODULE: ./src/tfvars/mapping.ts
var mapping = __webpack_require__(79914);
;// CONCATENATED MODULE: ./src/commands/lifecycle-inputs.ts
/**
 * The inputs of the commands on what builds produced (`merge-manifests`, `tfvars`, `cleanup`,
 * `promote`), each command's own. Apart from the commands themselves so that reading them, which
 * every run does up front, loads no AWS SDK. Pure.
 */






function readMergeManifestsInputs(read) {
    const manifests = (0,action_inputs/* parseList */.E1)(read(constants/* Inputs */.G0.Manifests), /\r?\n/);
    (0,action_inputs/* requireInput */.oN)('merge-manifests', constants/* Inputs */.G0.Manifests, manifests.length > 0, 'the manifest files (or patterns) to merge');
    return { workingDirectory: (0,action_inputs/* readWorkingDirectory */.bq)(read), manifests };
}
function readTfvarsInputs(read) {
    const tfvarsFile = read(constants/* Inputs */.G0.TfvarsFile).trim();
    (0,action_inputs/* requireInput */.oN)('tfvars', constants/* Inputs */.G0.TfvarsFile, tfvarsFile !== '', 'the .tfvars or .tfvars.json file to update');
    return {
        workingDirectory: (0,action_inputs/* readWorkingDirectory */.bq)(read),
        tfvarsFile,
        amiIds: readAmiIds(read),
        tfvarsMapping: (0,action_inputs/* named */.KT)(constants/* Inputs */.G0.TfvarsMapping, read(constants/* Inputs */.G0.TfvarsMapping), mapping/* parseTfvarsMapping */.UO)
    };
}
function readCleanupInputs(read) {
    const inputs = {
        awsRegions: parseRegions(read(constants/* Inputs */.G0.AwsRegions)),
        imageNameFilter: read(constants/* Inputs */.G0.ImageNameFilter).trim(),
        imageTags: (0,action_inputs/* named */.KT)(constants/* Inputs */.G0.ImageTags, read(constants/* Inputs */.G0.ImageTags), retention/* parseImageTags */.e8),
        keep: (0,action_inputs/* parseOptionalInteger */.St)(read(constants/* Inputs */.G0.Keep), constants/* Inputs */.G0.Keep, 'keep none') ?? 5,
        minAgeMs: (0,action_inputs/* named */.KT)(constants/* Inputs */.G0.MinAge, read(constants/* Inputs */.G0.MinAge).trim(), (v) => v ? (0,retention/* parseMinAge */.pZ)(v) : undefined),
        dryRun: (0,action_inputs/* parseBoolean */.yG)(read(constants/* Inputs */.G0.DryRun), constants/* Inputs */.G0.DryRun, false)
    };
    // Without a filter, every image the account owns would be a candidate for deletion.
    (0,action_inputs/* requireInput */.oN)('cleanup', constants/* Inputs */.G0.ImageNameFilter, inputs.imageNameFilter !== '' || Object.keys(inputs.imageTags).length > 0, `give '${constants/* Inputs */.G0.ImageNameFilter}' or '${constants/* Inputs */.G0.ImageTags}' (or both), so that cleanup never considers every image the account owns`);
    return inputs;
}
function readPromoteInputs(read) {
    const inputs = {
        amiIds: readAmiIds(read),
        stage: read(constants/* Inputs */.G0.Stage).trim(),
        stageTag: read(constants/* Inputs */.G0.StageTag).trim() || 'status',
        shareWith: (0,action_inputs/* named */.KT)(constants/* Inputs */.G0.ShareWith, read(constants/* Inputs */.G0.ShareWith), promotion/* parseAccountIds */.l$)
    };
    (0,action_inputs/* requireInput */.oN)('promote', constants/* Inputs */.G0.Stage, inputs.stage !== '', 'the stage to tag the AMIs with, e.g. testing');
    if (promotion/* PROMOTE_OWN_TAGS */.Yh.includes(inputs.stageTag)) {
        // Its own value would overwrite the stage: the output would claim a stage the AMI lacks.
        throw new errors/* ActionError */.lZ(`Input '${constants/* Inputs */.G0.StageTag}' is '${inputs.stageTag}', a tag that promote writes itself (${promotion/* PROMOTE_OWN_TAGS */.Yh.join(', ')}); name another tag to hold the stage, such as status`);
    }
    return inputs;
}
function readAmiIds(read) {
    return (0,action_inputs/* named */.KT)(constants/* Inputs */.G0.AmiIds, read(constants/* Inputs */.G0.AmiIds).trim(), (v) => (v ? (0,mapping/* parseAmiIds */.nf)(v) : undefined));
}
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
function parseRegions(text) {
    const regions = (0,action_inputs/* parseList */.E1)(text, /[,\r\n]/);
    for (const region of regions) {
        if (!REGION.test(region)) {
            throw new errors/* ActionError */.lZ(`Input '${constants/* Inputs */.G0.AwsRegions}' names '${region}', which is not an AWS region name such as us-east-1`);
        }
    }
    return [...new Set(regions)];
}

;// CONCATENATED MODULE: ./src/commands/template-inputs.ts
/**
 * The inputs of the commands that run Packer on a template (`init`, `fmt`, `validate`, `build`),
 * each command's own, read and validated before anything is downloaded. Pure: the paths they name
 * are checked by `resolvePaths` (action/inputs.ts).
 */



function readTemplateInputs(read) {
    return {
        workingDirectory: (0,action_inputs/* readWorkingDirectory */.bq)(read),
        template: read(constants/* Inputs */.G0.Template).trim() || '.'
    };
}
function readInitInputs(read) {
    return {
        ...readTemplateInputs(read),
        githubToken: read(constants/* Inputs */.G0.GithubToken).trim(),
        cachePlugins: (0,action_inputs/* parseBoolean */.yG)(read(constants/* Inputs */.G0.CachePlugins), constants/* Inputs */.G0.CachePlugins, true),
        installOfficialPlugins: (0,action_inputs/* parseBoolean */.yG)(read(constants/* Inputs */.G0.InstallOfficialPlugins), constants/* Inputs */.G0.InstallOfficialPlugins, true)
    };
}
function readFmtInputs(read) {
    return { ...readTemplateInputs(read), fmtCheck: readFmtCheck(read) };
}
function readValidateInputs(read) {
    return { ...readInitInputs(read), ...readVariableInputs(read), fmtCheck: readFmtCheck(read) };
}
function readBuildInputs(read) {
    const inputs = {
        ...readInitInputs(read),
        ...readVariableInputs(read),
        onError: parseOnError(read(constants/* Inputs */.G0.OnError)),
        parallelBuilds: (0,action_inputs/* parseOptionalInteger */.St)(read(constants/* Inputs */.G0.ParallelBuilds), constants/* Inputs */.G0.ParallelBuilds),
        force: (0,action_inputs/* parseBoolean */.yG)(read(constants/* Inputs */.G0.Force), constants/* Inputs */.G0.Force, false),
        uploadArtifact: read(constants/* Inputs */.G0.UploadArtifact).trim()
    };
    if (inputs.uploadArtifact && !/^[^"<>:|*?\\/\r\n]+$/.test(inputs.uploadArtifact)) {
        throw new errors/* ActionError */.lZ(`Input '${constants/* Inputs */.G0.UploadArtifact}' is '${inputs.uploadArtifact}'; an artifact name cannot contain " < > : | * ? \\ / or a newline`);
    }
    return inputs;
}
function readFmtCheck(read) {
    return (0,action_inputs/* parseBoolean */.yG)(read(constants/* Inputs */.G0.FmtCheck), constants/* Inputs */.G0.FmtCheck, true);
}
function readVariableInputs(read) {
    const inputs = {
        variables: (0,action_inputs/* parseVariables */.rf)(read(constants/* Inputs */.G0.Variables, true), constants/* Inputs */.G0.Variables),
        sensitiveVariables: (0,action_inputs/* readSensitiveVariables */.aq)(read),
        varFiles: (0,action_inputs/* parseList */.E1)(read(constants/* Inputs */.G0.VarFiles), /\r?\n/),
        only: (0,action_inputs/* parseList */.E1)(read(constants/* Inputs */.G0.Only), /[,\r\n]/),
        except: (0,action_inputs/* parseList */.E1)(read(constants/* Inputs */.G0.Except), /[,\r\n]/)
    };
    if (inputs.only.length && inputs.except.length) {
        throw new errors/* ActionError */.lZ(`Inputs '${constants/* Inputs */.G0.Only}' and '${constants/* Inputs */.G0.Except}' cannot both be set`);
    }
    const names = new Set();
    for (const v of [...inputs.variables, ...inputs.sensitiveVariables]) {
        if (names.has(v.name)) {
            throw new errors/* ActionError */.lZ(`Variable '${v.name}' is given twice in '${constants/* Inputs */.G0.Variables}' / '${constants/* Inputs */.G0.SensitiveVariables}'`);
        }
        names.add(v.name);
    }
    return inputs;
}
function parseOnError(value) {
    const choice = value.trim() || 'cleanup';
    if (choice === 'ask') {
        throw new errors/* ActionError */.lZ(`Input '${constants/* Inputs */.G0.OnError}' is 'ask', which waits for an answer on a terminal and would hang the job; expected one of: ${constants/* ON_ERROR */.DD.join(', ')}`);
    }
    if (!constants/* ON_ERROR */.DD.includes(choice)) {
        throw new errors/* ActionError */.lZ(`Input '${constants/* Inputs */.G0.OnError}' is '${choice}'; expected one of: ${constants/* ON_ERROR */.DD.join(', ')}`);
    }
    return choice;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/installer/plugin-versions.ts
var plugin_versions = __webpack_require__(4011);
;// CONCATENATED MODULE: ./src/commands/template.ts
/**
 * The commands that run Packer on a template (`init`, `fmt`, `validate`, `build`): the context they
 * share (Packer's environment, the plugin folder, the sensitive var-file, which is deleted whatever
 * happens), and how the registry (registry.ts) defines each.
 */








/**
 * A template command: its paths are checked before Packer is downloaded; `recursive` says whether
 * it runs `packer fmt -recursive`, which reads the folders below a template folder too.
 */
function templateCommand(command, readInputs, recursive, runner) {
    return {
        readInputs,
        needsPacker: true,
        prepare(inputs, workspace) {
            const paths = (0,action_inputs/* resolvePaths */.LN)({ ...inputs, varFiles: inputs.varFiles ?? [] }, workspace, recursive(inputs));
            const report = {
                command,
                templates: [external_node_path_.relative(workspace, paths.template) || '.'],
                status: 'succeeded',
                builds: [],
                validateFindings: [],
                fmtFindings: []
            };
            return {
                report: { kind: 'packer', report },
                run: (runtime) => runTemplateCommand(inputs, paths, runtime, report, runner)
            };
        }
    };
}
async function runTemplateCommand(inputs, paths, runtime, report, runner) {
    const { packer } = runtime;
    // The registry installs Packer first for every command that says it needs it.
    if (!packer)
        throw new Error('Packer is not installed');
    report.packerVersion = packer.version;
    // Refuses a PACKER_PLUGIN_PATH this Packer cannot use before any folder is made.
    const pluginDir = (0,plugin_versions/* pluginDirectory */.hg)(process.env.PACKER_PLUGIN_PATH, packer.version, external_node_os_.homedir(), external_node_path_.delimiter);
    const runDir = await (0,run_dir/* createRunDir */.d)();
    const secretsDir = await (0,promises_.mkdtemp)(external_node_path_.join((0,run_dir/* runnerTemp */.X)(), 'packer-vars-'));
    const ctx = {
        inputs,
        installer: packer.installer,
        paths,
        binary: packer.binary,
        version: packer.version,
        workspace: runtime.workspace,
        log: runtime.log,
        cancellation: runtime.cancellation,
        logFile: external_node_path_.join(runDir, 'packer-build.log'),
        // The token is for plugin downloads: packer init gets it (see init), builds and their
        // scripts do not, nor any other input, state or runner credential.
        // PACKER_PLUGIN_PATH as the user set it: through Packer 1.10 it may list several folders.
        env: packerEnvironment(process.env, process.env.PACKER_PLUGIN_PATH || pluginDir)
    };
    // `name = value` in `variables` passes " value": the value is everything after the first `=`.
    for (const v of inputs.variables ?? []) {
        if (/^\s/.test(v.value)) {
            ctx.log.warning(`Variable '${v.name}' in '${constants/* Inputs */.G0.Variables}' starts with white space, which Packer gets as part of the value ('${v.value}'); write ${v.name}=${v.value.trimStart()} if that is not meant`);
        }
    }
    try {
        if (inputs.sensitiveVariables?.length) {
            // A JSON var-file, which Packer reads literally, readable by this user only, deleted below.
            ctx.sensitiveVarFile = external_node_path_.join(secretsDir, 'sensitive.pkrvars.json');
            await (0,promises_.writeFile)(ctx.sensitiveVarFile, sensitiveVarFileContent(inputs.sensitiveVariables), {
                mode: 0o600
            });
            await (0,promises_.chmod)(ctx.sensitiveVarFile, 0o600);
        }
        await runner({ ctx, pluginDir, runDir, report });
    }
    finally {
        await (0,promises_.rm)(secretsDir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/commands/registry.ts








/** Ties a definition's parts to the type of its inputs, which the registry no longer sees. */
function registry_define(definition) {
    return definition;
}
/** A lifecycle command: its runner is loaded with the AWS SDK only when it runs. */
function lifecycleCommand(command, run) {
    const report = {};
    return {
        report: { kind: 'lifecycle', command, report },
        run: async ({ workspace, log, cancellation }) => run({
            workspace,
            log,
            env: process.env,
            cancelled: () => cancellation.requested
        }, report)
    };
}
/** The runners of the lifecycle commands, with the AWS SDK. */
const lifecycle = () => Promise.all(/* import() */[__webpack_require__.e(193), __webpack_require__.e(636)]).then(__webpack_require__.bind(__webpack_require__, 47636));
const COMMAND_DEFINITIONS = {
    install: registry_define({
        readInputs: () => ({}),
        needsPacker: true,
        // Installing is the whole command, and it writes no job summary.
        prepare: () => ({ run: async () => undefined })
    }),
    init: registry_define(templateCommand('init', readInitInputs, () => false, runInit)),
    // `packer fmt -recursive` reads the folders below a template folder too.
    fmt: registry_define(templateCommand('fmt', readFmtInputs, () => true, runFmt)),
    validate: registry_define(templateCommand('validate', readValidateInputs, (inputs) => inputs.fmtCheck, runValidate)),
    build: registry_define(templateCommand('build', readBuildInputs, () => false, runBuild)),
    'merge-manifests': registry_define({
        readInputs: readMergeManifestsInputs,
        needsPacker: false,
        prepare: (inputs, workspace) => {
            const workingDirectory = (0,action_inputs/* workingDirectoryOf */._X)(inputs.workingDirectory, workspace);
            return lifecycleCommand('merge-manifests', async (ctx, report) => {
                const { mergeManifestFiles } = await lifecycle();
                Object.assign(report, await mergeManifestFiles(inputs, workingDirectory, ctx));
            });
        }
    }),
    tfvars: registry_define({
        readInputs: readTfvarsInputs,
        needsPacker: false,
        prepare: (inputs, workspace) => {
            const workingDirectory = (0,action_inputs/* workingDirectoryOf */._X)(inputs.workingDirectory, workspace);
            return lifecycleCommand('tfvars', async (ctx, report) => {
                const { updateTfvarsFile } = await lifecycle();
                Object.assign(report, await updateTfvarsFile(inputs, workingDirectory, ctx));
            });
        }
    }),
    cleanup: registry_define({
        readInputs: readCleanupInputs,
        needsPacker: false,
        prepare: (inputs) => lifecycleCommand('cleanup', async (ctx, report) => {
            const { cleanupImages } = await lifecycle();
            await cleanupImages(inputs, ctx, report);
        })
    }),
    promote: registry_define({
        readInputs: readPromoteInputs,
        needsPacker: false,
        prepare: (inputs) => lifecycleCommand('promote', async (ctx, report) => {
            const { promoteImages } = await lifecycle();
            await promoteImages(inputs, ctx, report);
        })
    })
};

// EXTERNAL MODULE: ./src/summary/lifecycle.ts
var summary_lifecycle = __webpack_require__(87980);
// EXTERNAL MODULE: ./src/summary/markdown.ts
var markdown = __webpack_require__(97175);
// EXTERNAL MODULE: ./src/summary/packer-run.ts
var packer_run = __webpack_require__(64624);
;// CONCATENATED MODULE: ./src/summary/report.ts



/** `clean` is applied to what the command reported (the redaction of secrets) before it is rendered. */
function renderCommandSummary(report, failure, durationMs, clean = (value) => value) {
    if (report.kind === 'inputs') {
        return ([
            `### Packer ${(0,markdown/* inline */.mG)(report.command)}: ✗ failed`,
            `The step's inputs were refused before anything was downloaded or run.`,
            `**Error**\n\n${(0,markdown/* pre */.AS)(failure?.message ?? '')}`
        ].join('\n\n') + '\n');
    }
    if (report.kind === 'lifecycle') {
        return (0,summary_lifecycle/* renderLifecycleSummary */.lu)(report.command, clean(report.report), failure?.message, durationMs);
    }
    return (0,packer_run/* renderSummary */.B)({
        ...clean(report.report),
        durationMs,
        ...(failure
            ? { status: failure.cancelled ? 'cancelled' : 'failed', error: failure.message }
            : {})
    });
}

;// CONCATENATED MODULE: ./src/main.ts
/**
 * The main step, as a run goes: the inputs every command reads -> the secrets masked -> the
 * command's own inputs and the folders they name -> Packer installed if the command needs it -> the
 * command -> the job summary -> one setFailed.
 */













/** The action's main step. The one place that fails the step. */
async function run() {
    const started = Date.now();
    // The post step runs the same bundle; this tells it apart.
    core/* saveState */.LZ(constants/* State */.Uw.IsPost, 'true');
    const cancellation = new Cancellation().start();
    const redactor = new redact/* Redactor */.p();
    try {
        const { report, failure } = await runCommand(cancellation, redactor);
        if (failure)
            core/* setFailed */.C1(failure.message);
        if (report) {
            await writeSummary(redactor.redact(renderCommandSummary(report, failure, Date.now() - started, (value) => redactor.redactDeep(value))));
        }
    }
    finally {
        cancellation.stop();
    }
}
/**
 * Every input is read, and the working directory and template paths checked, before anything is
 * downloaded or run (the lifecycle commands check the files they read or write as they reach
 * them); then Packer is installed if the command needs it, and the command runs.
 */
async function runCommand(cancellation, redactor) {
    const failed = (error) => {
        const cancelled = error instanceof CancelledError || cancellation.requested;
        const message = cancelled ? `Cancelled: ${(0,errors/* getErrorMessage */.u1)(error)}` : (0,errors/* getErrorMessage */.u1)(error);
        return { message: redactor.redact(message), cancelled };
    };
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    let prepared;
    try {
        prepared = prepare(redactor, workspace);
    }
    catch (error) {
        return { failure: failed(error), ...refusedInputsReport() };
    }
    const { command, installer, report } = prepared;
    try {
        const packer = installer ? await setUpPacker(installer, cancellation) : undefined;
        await command.run({
            workspace,
            log: new Logger(redactor),
            cancellation,
            ...(packer ? { packer } : {})
        });
        return { report };
    }
    catch (error) {
        return { report, failure: failed(error) };
    }
}
/**
 * The summary of a step whose inputs were refused: wanted unless `summary` reads as false, for the
 * command as given (the bad input may be `summary` or `command` itself).
 */
function refusedInputsReport() {
    const read = (0,action_inputs/* actionInputReader */.AO)();
    let wanted = true;
    try {
        wanted = (0,action_inputs/* parseBoolean */.yG)(read(constants/* Inputs */.G0.Summary), constants/* Inputs */.G0.Summary, true);
    }
    catch {
        // A `summary` that is no boolean is the refused input itself: say so in the summary.
    }
    if (!wanted)
        return {};
    return { report: { kind: 'inputs', command: read(constants/* Inputs */.G0.Command) || constants/* DEFAULT_COMMAND */.YT } };
}
/** Reads the inputs every command reads and the command's own, masks the secrets, checks paths. */
function prepare(redactor, workspace) {
    const read = (0,action_inputs/* actionInputReader */.AO)();
    const shared = (0,action_inputs/* readSharedInputs */.lS)(read);
    // Every secret is masked before anything could print it.
    for (const secret of [...shared.sensitiveVariables.map((v) => v.value), shared.githubToken]) {
        if (!secret)
            continue;
        core/* setSecret */.Pq(secret);
        redactor.add(secret);
    }
    const definition = COMMAND_DEFINITIONS[shared.command];
    const installer = definition.needsPacker ? (0,action_inputs/* readInstallerInputs */.SN)(read) : undefined;
    const command = definition.prepare(definition.readInputs(read), workspace);
    return {
        command,
        ...(installer ? { installer } : {}),
        ...(shared.summary && command.report ? { report: command.report } : {})
    };
}
async function setUpPacker(installer, cancellation) {
    const installation = await installPacker({
        versionSpec: installer.packerVersion,
        releasesUrl: installer.releasesUrl,
        signingKey: installer.releasesSigningKey,
        platform: releasePlatform(process.platform, process.arch),
        cacheArch: process.arch,
        cancellation
    });
    if (installation.fromCache) {
        core/* info */.pq(`Packer ${installation.version} from the tool cache: ${installation.binary}`);
    }
    core/* addPath */.fM(external_node_path_.dirname(installation.binary));
    core/* setOutput */.uH(constants/* Outputs */.tY.PackerVersion, installation.version);
    core/* setOutput */.uH(constants/* Outputs */.tY.PackerPath, installation.binary);
    return { binary: installation.binary, version: installation.version, installer };
}
/** The job summary is a report, not the job: a runner without one only gets a debug line. */
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY) {
        core/* debug */.Yz('No GITHUB_STEP_SUMMARY file: the job summary is not written');
        return;
    }
    try {
        await core/* summary */.z.addRaw(markdown, true).write();
    }
    catch (error) {
        core/* warning */.$e(`The job summary could not be written: ${(0,errors/* getErrorMessage */.u1)(error)}`);
    }
}


/***/ }),

/***/ 68145:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D8: () => (/* binding */ firstAmiId),
/* harmony export */   Zw: () => (/* binding */ artifactsOutput),
/* harmony export */   hg: () => (/* binding */ builderTypeOf),
/* harmony export */   jN: () => (/* binding */ makeArtifact),
/* harmony export */   vQ: () => (/* binding */ amiIdsByBuild)
/* harmony export */ });
/* unused harmony export parseArtifact */
/* harmony import */ var _action_dictionary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44276);

/** Builder ids Packer prints in `artifact,N,builder-id,…`, mapped to the builder type they belong to. */
const BUILDER_TYPE_BY_ID = {
    'mitchellh.amazonebs': 'amazon-ebs',
    'mitchellh.amazon.ebssurrogate': 'amazon-ebssurrogate',
    'mitchellh.amazon.ebsvolume': 'amazon-ebsvolume',
    'mitchellh.amazon.instance': 'amazon-instance',
    'mitchellh.amazon.chroot': 'amazon-chroot',
    'Azure.ResourceManagement.VMImage': 'azure-arm',
    'packer.googlecompute': 'googlecompute',
    'packer.docker': 'docker',
    // The docker builder with `commit = true` reports its image under the docker-import id, and the
    // docker-tag / docker-push post-processors only accept docker artifacts.
    'packer.post-processor.docker-import': 'docker',
    'packer.post-processor.docker-tag': 'docker',
    'transcend.qemu': 'qemu',
    'mitchellh.virtualbox': 'virtualbox-iso',
    'mitchellh.vmware': 'vmware-iso',
    'mitchellh.vmware-esx': 'vmware-iso',
    'packer.file': 'file',
    'fnoeding.null': 'null'
};
/** Builders and post-processors whose artifact id is `region:ami-…[,region:ami-…]`. */
const AMAZON_AMI_IDS = new Set([
    'mitchellh.amazonebs',
    'mitchellh.amazon.ebssurrogate',
    'mitchellh.amazon.instance',
    'mitchellh.amazon.chroot',
    'packer.post-processor.amazon-import'
]);
const AMAZON_AMI_TYPES = new Set([
    'amazon-ebs',
    'amazon-ebssurrogate',
    'amazon-instance',
    'amazon-chroot'
]);
const AZURE_IDS = new Set(['Azure.ResourceManagement.VMImage']);
const GOOGLE_IDS = new Set(['packer.googlecompute']);
const DOCKER_IDS = new Set([
    'packer.docker',
    'packer.post-processor.docker-import',
    'packer.post-processor.docker-tag'
]);
/** Builders and post-processors whose artifact is the set of files they wrote. */
const FILE_IDS = new Set([
    'transcend.qemu',
    'mitchellh.virtualbox',
    'mitchellh.vmware',
    'mitchellh.vmware-esx',
    'packer.file',
    'mitchellh.post-processor.vagrant'
]);
const FILE_TYPES = new Set([
    'qemu',
    'virtualbox-iso',
    'virtualbox-ovf',
    'virtualbox-vm',
    'vmware-iso',
    'vmware-vmx',
    'file',
    'vagrant',
    'hyperv-iso',
    'hyperv-vmcx',
    'parallels-iso',
    'parallels-pvm'
]);
/** Builder types recognised as the first or second segment of an HCL2 build name. */
const KNOWN_BUILDER_TYPES = new Set([
    ...Object.values(BUILDER_TYPE_BY_ID),
    ...AMAZON_AMI_TYPES,
    ...FILE_TYPES,
    'azure-chroot',
    'azure-dtl',
    'vsphere-iso',
    'vsphere-clone',
    'vsphere-supervisor',
    'proxmox-iso',
    'proxmox-clone',
    'digitalocean',
    'hcloud',
    'linode',
    'oracle-oci',
    'oracle-classic',
    'openstack',
    'alicloud-ecs',
    'tencentcloud-cvm',
    'scaleway',
    'lxc',
    'lxd',
    'tart-cli',
    'vultr',
    'yandex'
]);
const TYPE_SHAPE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/**
 * The builder type of a build: from its name (`amazon-ebs`, `amazon-ebs.example`,
 * `my-build.amazon-ebs.example`) when the name carries it, else from the artifact's builder id
 * (legacy JSON templates may name a build anything), else ''.
 */
function builderTypeOf(build, builderId) {
    if (KNOWN_BUILDER_TYPES.has(build))
        return build;
    const segments = build.split('.');
    if (segments.length > 1) {
        const known = segments.slice(0, 2).find((s) => KNOWN_BUILDER_TYPES.has(s));
        if (known)
            return known;
    }
    const byId = BUILDER_TYPE_BY_ID[builderId];
    if (byId)
        return byId;
    // An HCL2 name from a plugin we do not know: `type.source` or `build.type.source`.
    if (segments.length === 2 && TYPE_SHAPE.test(segments[0]))
        return segments[0];
    if (segments.length >= 3 && TYPE_SHAPE.test(segments[1]))
        return segments[1];
    return '';
}
const REGION_AMI = /^([a-z]{2}(?:-[a-z]+)+-\d+):(ami-[0-9a-f]+)$/;
const REGION_AMI_IN_TEXT = /^\s*([a-z]{2}(?:-[a-z]+)+-\d+): (ami-[0-9a-f]+)\s*$/;
/** `us-east-1:ami-1,us-west-2:ami-2` → `{ 'us-east-1': 'ami-1', 'us-west-2': 'ami-2' }`; undefined unless every part is one. */
function parseAmiList(id) {
    if (id === '')
        return undefined;
    const amis = (0,_action_dictionary_js__WEBPACK_IMPORTED_MODULE_0__/* .dictionary */ .z)();
    for (const part of id.split(',')) {
        const m = REGION_AMI.exec(part.trim());
        if (!m)
            return undefined;
        amis[m[1]] = m[2];
    }
    return amis;
}
/** The `region: ami-…` lines of "AMIs were created:\n…" (amazon builder's `String()`). */
function amisFromDescription(description) {
    const amis = (0,_action_dictionary_js__WEBPACK_IMPORTED_MODULE_0__/* .dictionary */ .z)();
    for (const line of description.split('\n')) {
        const m = REGION_AMI_IN_TEXT.exec(line);
        if (m)
            amis[m[1]] = m[2];
    }
    return amis;
}
const AZURE_RESOURCE = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\//i;
const AZURE_MANAGED_IMAGE = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/images\/([^/]+)$/i;
const AZURE_GALLERY_VERSION = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/galleries\/[^/]+\/images\/[^/]+\/versions\/[^/]+$/i;
/** `Key: value` lines of the azure-arm artifact's `String()`. */
function keyValues(description) {
    const values = new Map();
    for (const line of description.split('\n')) {
        const colon = line.indexOf(': ');
        if (colon > 0 && !line.slice(0, colon).includes(' ')) {
            values.set(line.slice(0, colon), line.slice(colon + 2).trim());
        }
    }
    return values;
}
function parseAzure(id, description) {
    const values = keyValues(description);
    const parsed = { kind: 'azure' };
    const managedImageId = values.get('ManagedImageId') || (AZURE_MANAGED_IMAGE.test(id) ? id : '');
    if (managedImageId) {
        parsed.managedImageId = managedImageId;
        const m = AZURE_MANAGED_IMAGE.exec(managedImageId);
        parsed.managedImageResourceGroup = values.get('ManagedImageResourceGroupName') || m?.[1];
        parsed.managedImageName = values.get('ManagedImageName') || m?.[2];
    }
    const gallery = values.get('ManagedImageSharedImageGalleryId') || (AZURE_GALLERY_VERSION.test(id) ? id : '');
    if (gallery)
        parsed.galleryImageVersionId = gallery;
    const vhd = values.get('OSDiskUri') || (/^https?:\/\//i.test(id) ? id : '');
    if (vhd)
        parsed.vhdUri = vhd;
    return dropUndefined(parsed);
}
const GCE_PROJECT_IN_DESCRIPTION = /^A disk image was created in the '([^']*)' project: (\S+)/;
const GCE_IMAGE_PATH = /(?:^|\/)projects\/([^/]+)\/global\/images\/([^/]+)$/;
function parseGoogle(id, description) {
    const path = GCE_IMAGE_PATH.exec(id);
    if (path)
        return { kind: 'googlecompute', image: path[2], project: path[1] };
    const described = GCE_PROJECT_IN_DESCRIPTION.exec(description);
    if (described && (id === '' || id === described[2])) {
        return { kind: 'googlecompute', image: described[2], project: described[1] };
    }
    const image = id || /^A disk image was created: (\S+)/.exec(description)?.[1] || '';
    return { kind: 'googlecompute', image };
}
const DOCKER_IMAGE_ID = /^sha256:[0-9a-f]{64}$/;
function parseDocker(id, files) {
    if (DOCKER_IMAGE_ID.test(id))
        return { kind: 'docker', imageId: id };
    // `export_path`: the docker builder's ExportArtifact has the id "Container" and one file.
    if (files.length > 0 && (id === 'Container' || id === ''))
        return { kind: 'files', files };
    if (id === '')
        return { kind: 'other' };
    return { kind: 'docker', repositoryTag: id };
}
/**
 * Reads an artifact id the way its builder wrote it. `builderId` may be '' (artifacts rebuilt from a
 * manifest carry only the builder type), in which case `builderType` decides, and the shape of the
 * id is the last resort (`region:ami-…`, an Azure resource id, `sha256:…`).
 */
function parseArtifact(builderId, id, files, description, build, builderType = builderTypeOf(build, builderId)) {
    const known = builderId !== '' && builderId in BUILDER_TYPE_BY_ID;
    const type = known || builderId === '' ? builderType : '';
    if (AMAZON_AMI_IDS.has(builderId) || AMAZON_AMI_TYPES.has(type)) {
        return { kind: 'amazon', amis: parseAmiList(id) ?? amisFromDescription(description) };
    }
    if (AZURE_IDS.has(builderId) || type === 'azure-arm')
        return parseAzure(id, description);
    if (GOOGLE_IDS.has(builderId) || type === 'googlecompute')
        return parseGoogle(id, description);
    if (DOCKER_IDS.has(builderId) || type === 'docker')
        return parseDocker(id, files);
    if (FILE_IDS.has(builderId) || FILE_TYPES.has(type))
        return { kind: 'files', files };
    const amis = parseAmiList(id);
    if (amis)
        return { kind: 'amazon', amis };
    if (AZURE_RESOURCE.test(id))
        return parseAzure(id, description);
    if (DOCKER_IMAGE_ID.test(id))
        return { kind: 'docker', imageId: id };
    if (files.length > 0)
        return { kind: 'files', files };
    return { kind: 'other' };
}
/** An `Artifact` with its builder type and parsed id filled in. */
function makeArtifact(build, builderId, id, description, files, builderType = builderTypeOf(build, builderId)) {
    return {
        build,
        builderType,
        builderId,
        id,
        description,
        files,
        parsed: parseArtifact(builderId, id, files, description, build, builderType)
    };
}
/** `{ "<build>": { "<region>": "ami-…" } }` over every Amazon artifact. */
function amiIdsByBuild(artifacts) {
    const byBuild = (0,_action_dictionary_js__WEBPACK_IMPORTED_MODULE_0__/* .dictionary */ .z)();
    for (const artifact of artifacts) {
        if (artifact.parsed.kind !== 'amazon')
            continue;
        const amis = Object.entries(artifact.parsed.amis);
        if (amis.length === 0)
            continue;
        const regions = (byBuild[artifact.build] ??= (0,_action_dictionary_js__WEBPACK_IMPORTED_MODULE_0__/* .dictionary */ .z)());
        for (const [region, ami] of amis)
            regions[region] = ami;
    }
    return byBuild;
}
/**
 * The AMI of the first Amazon artifact: the one built in the build's own region where the stream
 * said which it was (`primaryAmis`, by build), else the first region's (Packer lists regions in
 * sorted order, so with `ami_regions` that can be a copy).
 */
function firstAmiId(artifacts, primaryAmis = {}) {
    for (const artifact of artifacts) {
        if (artifact.parsed.kind !== 'amazon')
            continue;
        const amis = Object.values(artifact.parsed.amis);
        const primary = primaryAmis[artifact.build];
        if (primary && amis.includes(primary))
            return primary;
        if (amis[0])
            return amis[0];
    }
    return undefined;
}
/** The JSON-ready value of the `artifacts` step output: identity fields plus the parsed fields flattened. */
function artifactsOutput(artifacts) {
    return artifacts.map((a) => ({
        build: a.build,
        builderType: a.builderType,
        builderId: a.builderId,
        id: a.id,
        files: a.files,
        ...a.parsed
    }));
}
function dropUndefined(value) {
    for (const key of Object.keys(value)) {
        if (value[key] === undefined)
            delete value[key];
    }
    return value;
}


/***/ }),

/***/ 58277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   XM: () => (/* binding */ duplicateBuilds),
/* harmony export */   gJ: () => (/* binding */ lastSourceOfEachBuild),
/* harmony export */   jk: () => (/* binding */ lastRunOf),
/* harmony export */   kK: () => (/* binding */ primaryAmisOf),
/* harmony export */   r6: () => (/* binding */ manifestFromArtifacts),
/* harmony export */   tr: () => (/* binding */ mergeManifests),
/* harmony export */   wd: () => (/* binding */ manifestToArtifacts)
/* harmony export */ });
/* unused harmony export PRIMARY_AMI_KEY */
/* harmony import */ var _artifacts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68145);
/* harmony import */ var _action_dictionary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44276);
/**
 * The manifest format of Packer's `manifest` post-processor: reading one Packer wrote, writing one
 * for this run, merging several (matrix legs), and turning entries back into artifacts. Pure code.
 */


/** Where a manifest entry keeps the AMI its build made in its own region. */
const PRIMARY_AMI_KEY = 'primary_ami';
/**
 * A manifest for this run, one entry per artifact as Packer's post-processor writes them. Entries
 * carry the full build name (`amazon-ebs.example`), not only the source name Packer's
 * post-processor writes for HCL2 templates, so they match the action's outputs.
 */
function manifestFromArtifacts(artifacts, options) {
    const builds = artifacts.map((artifact) => {
        const primary = options.primaryAmis?.[artifact.build];
        const own = primary !== undefined &&
            artifact.parsed.kind === 'amazon' &&
            Object.values(artifact.parsed.amis).includes(primary);
        const customData = own
            ? { ...(options.customData ?? {}), [PRIMARY_AMI_KEY]: primary }
            : (options.customData ?? null);
        return {
            name: artifact.build,
            builder_type: artifact.builderType,
            build_time: options.buildTime,
            files: artifact.files.length === 0
                ? null
                : artifact.files.map((name) => ({ name, size: options.fileSize?.(name) ?? 0 })),
            artifact_id: artifact.id,
            packer_run_uuid: options.runUuid,
            custom_data: customData
        };
    });
    return { builds, last_run_uuid: options.runUuid };
}
/** Per build, the AMI made in its own region, as manifest entries of this action record it. */
function primaryAmisOf(manifest) {
    const primary = (0,_action_dictionary_js__WEBPACK_IMPORTED_MODULE_1__/* .dictionary */ .z)();
    for (const b of manifest.builds) {
        const ami = b.custom_data?.[PRIMARY_AMI_KEY];
        if (typeof ami === 'string' && ami)
            primary[b.name] = ami;
    }
    return primary;
}
/**
 * The entries of a merged manifest that the outputs read: where several sources made a build of
 * the same name (two templates with the same source name, say), only the last source's, rather
 * than one build that seems to hold the images of both.
 */
function lastSourceOfEachBuild(merged) {
    const lastSource = new Map();
    for (const b of merged.builds)
        lastSource.set(b.name, b.custom_data?.merged_from);
    return {
        ...merged,
        builds: merged.builds.filter((b) => b.custom_data?.merged_from === lastSource.get(b.name))
    };
}
/**
 * The last run of each manifest (matrix legs, in order) as one manifest of one run: every entry
 * gets `runUuid`, which is also the `last_run_uuid`, so that a reader applying the manifest rule
 * (only entries of the last run count) sees them all. Where an entry came from stays in its
 * `custom_data` (`merged_from`, `source_run_uuid`).
 */
function mergeManifests(sources, runUuid) {
    const builds = sources.flatMap(({ source, manifest }) => lastRunOf(manifest).builds.map((b) => ({
        ...b,
        packer_run_uuid: runUuid,
        custom_data: {
            ...(b.custom_data ?? {}),
            merged_from: source,
            source_run_uuid: b.packer_run_uuid
        }
    })));
    return { builds, last_run_uuid: runUuid };
}
/** Build names that more than one source produced: their outputs would overwrite each other. */
function duplicateBuilds(sources) {
    const seen = new Map();
    for (const { source, manifest } of sources) {
        for (const name of new Set(lastRunOf(manifest).builds.map((b) => b.name))) {
            seen.set(name, [...(seen.get(name) ?? []), source]);
        }
    }
    return new Map([...seen].filter(([, where]) => where.length > 1));
}
/** Reads a manifest file's text. Throws an Error that names the offending entry and field. */
function parseManifest(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`The manifest is not valid JSON: ${error.message}`);
    }
    if (!(0,_action_dictionary_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(value))
        throw new Error('The manifest is not a JSON object');
    if (!Array.isArray(value.builds))
        throw new Error('The manifest has no "builds" array');
    const lastRun = value.last_run_uuid ?? '';
    if (typeof lastRun !== 'string')
        throw new Error('The manifest\'s "last_run_uuid" is not a string');
    return { builds: value.builds.map(readBuild), last_run_uuid: lastRun };
}
/** Only the entries of the manifest's last run (Packer appends every run to the same file). */
function lastRunOf(manifest) {
    return {
        builds: manifest.builds.filter((b) => b.packer_run_uuid === manifest.last_run_uuid),
        last_run_uuid: manifest.last_run_uuid
    };
}
/**
 * Manifest entries as artifacts, so outputs can come from a manifest as well as from the stream.
 * A manifest has no builder id: the artifact id is read by the builder type.
 */
function manifestToArtifacts(manifest) {
    return manifest.builds.map((b) => (0,_artifacts_js__WEBPACK_IMPORTED_MODULE_0__/* .makeArtifact */ .jN)(b.name, '', b.artifact_id, '', (b.files ?? []).map((f) => f.name), b.builder_type));
}
function readBuild(value, index) {
    const where = `The manifest's builds[${index}]`;
    if (!(0,_action_dictionary_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(value))
        throw new Error(`${where} is not an object`);
    const text = (field, required) => {
        const v = value[field];
        if (v === undefined && !required)
            return '';
        if (typeof v !== 'string')
            throw new Error(`${where}.${field} is not a string`);
        return v;
    };
    const buildTime = value.build_time ?? 0;
    if (typeof buildTime !== 'number')
        throw new Error(`${where}.build_time is not a number`);
    let files = null;
    if (value.files !== null && value.files !== undefined) {
        if (!Array.isArray(value.files))
            throw new Error(`${where}.files is not a list`);
        files = value.files.map((f, i) => {
            if (!(0,_action_dictionary_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(f) || typeof f.name !== 'string') {
                throw new Error(`${where}.files[${i}].name is not a string`);
            }
            const size = f.size ?? 0;
            if (typeof size !== 'number')
                throw new Error(`${where}.files[${i}].size is not a number`);
            return { name: f.name, size };
        });
    }
    const build = {
        name: text('name', true),
        builder_type: text('builder_type', true),
        build_time: buildTime,
        files,
        artifact_id: text('artifact_id', true),
        packer_run_uuid: text('packer_run_uuid', false)
    };
    if ('custom_data' in value) {
        const custom = value.custom_data;
        if (custom !== null && !(0,_action_dictionary_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(custom))
            throw new Error(`${where}.custom_data is not an object`);
        build.custom_data = custom === null ? null : stringValues(custom);
    }
    return build;
}
function stringValues(value) {
    const out = (0,_action_dictionary_js__WEBPACK_IMPORTED_MODULE_1__/* .dictionary */ .z)();
    for (const [key, v] of Object.entries(value))
        out[key] = typeof v === 'string' ? v : String(v);
    return out;
}


/***/ }),

/***/ 87980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L6: () => (/* binding */ renderTfvarsSummary),
/* harmony export */   dY: () => (/* binding */ renderCleanupSummary),
/* harmony export */   lu: () => (/* binding */ renderLifecycleSummary),
/* harmony export */   yd: () => (/* binding */ renderPromotionSummary)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97175);
/* harmony import */ var _packer_run_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64624);


/** `command: tfvars`: the variables written, and whether the file changed. */
function renderTfvarsSummary(file, changed, values) {
    const rows = Object.entries(values).map(([variable, value]) => [
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(variable),
        typeof value === 'string'
            ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(value)
            : Object.entries(value)
                .map(([region, ami]) => `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(region)}: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(ami)}`)
                .join('<br>')
    ]);
    return [
        `### Terraform variables: ${changed ? 'updated' : 'unchanged'}`,
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(file),
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['Variable', 'Value'], rows)
    ].join('\n\n');
}
/** `command: cleanup`: each image deleted (or that would be), kept, or that failed. */
function renderCleanupSummary(result) {
    const { dryRun, deleted, kept, failures } = result;
    const outcome = dryRun ? 'would be deleted' : 'deleted';
    return [
        `### Image cleanup${dryRun ? ' (dry run: nothing was deleted)' : ''}`,
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['Region', 'AMI', 'Name', 'Snapshots', 'Outcome'], [
            ...deleted.map((d) => [
                (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(d.region),
                (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(d.imageId),
                (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(d.name),
                d.snapshotIds.map(_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY).join('<br>'),
                outcome
            ]),
            ...kept.map((k) => [
                (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(k.region),
                (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(k.imageId),
                (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(k.name),
                '',
                `kept: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(k.reason)}`
            ]),
            ...failures.map((f) => [
                (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(f.region),
                f.resourceId ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(f.resourceId) : '',
                '',
                '',
                `failed: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(f.message)}`
            ])
        ])
    ].join('\n\n');
}
/** `command: promote`: each AMI and whether it changed stage. */
function renderPromotionSummary(stage, promotions) {
    return [
        `### Promoted to ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(stage)}`,
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['Build', 'Region', 'AMI', 'Changed'], promotions.map((p) => [
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(p.build),
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(p.region),
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(p.imageId),
            p.changed ? 'yes' : 'no (already at this stage)'
        ]))
    ].join('\n\n');
}
/** A lifecycle command's own markdown, or the builds it read, and why it failed if it did. */
function renderLifecycleSummary(command, report, failure, durationMs) {
    if (report.markdown === undefined || report.builds) {
        return (0,_packer_run_js__WEBPACK_IMPORTED_MODULE_1__/* .renderSummary */ .B)({
            command,
            templates: [],
            status: failure ? 'failed' : 'succeeded',
            durationMs,
            builds: report.builds ?? [],
            ...(failure ? { error: failure } : {})
        });
    }
    return failure
        ? `${report.markdown}\n\n**Failed:** ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(failure)}\n`
        : `${report.markdown}\n`;
}


/***/ }),

/***/ 97175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AS: () => (/* binding */ pre),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   mG: () => (/* binding */ inline),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
/* unused harmony exports MAX_ROWS, MAX_TEXT */
/**
 * Markdown helpers of the job summary: GitHub-flavoured markdown with inline HTML.
 *
 * Every value that came from Packer or the user goes through `escapeHtml`, which also neutralises
 * the characters markdown would act on (`|` would split a table cell, a backtick open a code span,
 * `[` start a link, `*` emphasis). Long texts go in `<pre>` blocks, never in fenced code blocks,
 * whose content cannot be escaped.
 */
/** Rows shown per table; the rest are counted, the log has them all. */
const MAX_ROWS = 50;
/** Characters shown of one error text. */
const MAX_TEXT = 4000;
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    '|': '&#124;',
    '`': '&#96;',
    '\\': '&#92;',
    '[': '&#91;',
    ']': '&#93;',
    '*': '&#42;',
    _: '&#95;',
    '~': '&#126;'
};
/** Text made inert in both HTML and markdown: it renders as the characters it holds. */
function escapeHtml(value) {
    return value.replace(/[&<>"'|`\\[\]*_~]/g, (c) => ENTITIES[c]);
}
/** Escaped, on one line: for table cells, where a newline would end the table. */
function inline(value) {
    return escapeHtml(value.replace(/\r\n?/g, '\n').trim()).replace(/\n/g, '<br>');
}
function code(value) {
    return `<code>${inline(value)}</code>`;
}
/** `1m 05s`, `42s`, `2h 03m 07s`. */
function formatDuration(ms) {
    if (ms === undefined || !Number.isFinite(ms) || ms < 0)
        return '—';
    const total = Math.round(ms / 1000);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    const pad = (n) => String(n).padStart(2, '0');
    if (h > 0)
        return `${h}h ${pad(m)}m ${pad(s)}s`;
    if (m > 0)
        return `${m}m ${pad(s)}s`;
    return `${s}s`;
}
/** A markdown table of cells already escaped; at most MAX_ROWS rows, the rest counted. */
function table(headers, rows) {
    const shown = rows.slice(0, MAX_ROWS);
    const lines = [
        `| ${headers.join(' | ')} |`,
        `| ${headers.map(() => '---').join(' | ')} |`,
        ...shown.map((cells) => `| ${cells.map((c) => c || '—').join(' | ')} |`)
    ];
    if (rows.length > shown.length) {
        lines.push('', `…and ${rows.length - shown.length} more; the step log has them all.`);
    }
    return lines.join('\n');
}
function pre(text) {
    const clipped = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}\n… (cut; the step log has it all)` : text;
    return `<pre>${escapeHtml(clipped.replace(/\r\n?/g, '\n').trimEnd())}</pre>`;
}


/***/ }),

/***/ 64624:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ renderSummary)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97175);

const STATUS = {
    succeeded: '✓ succeeded',
    failed: '✗ failed',
    cancelled: '⊘ cancelled'
};
function statusText(status) {
    return STATUS[status] ?? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(String(status));
}
/** The rows of one artifact: one per AMI region, image, tag or file list. */
function artifactRows(artifact) {
    const build = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(artifact.build);
    const row = (kind, where, id) => [
        build,
        kind,
        where ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(where) : '',
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(id)
    ];
    const parsed = artifact.parsed;
    const rows = [];
    switch (parsed.kind) {
        case 'amazon':
            for (const [region, ami] of Object.entries(parsed.amis))
                rows.push(row('AMI', region, ami));
            break;
        case 'azure':
            if (parsed.managedImageId || parsed.managedImageName) {
                rows.push(row('Managed image', parsed.managedImageResourceGroup, (parsed.managedImageId ?? parsed.managedImageName)));
            }
            if (parsed.galleryImageVersionId) {
                rows.push(row('Gallery image version', undefined, parsed.galleryImageVersionId));
            }
            if (parsed.vhdUri)
                rows.push(row('VHD', undefined, parsed.vhdUri));
            break;
        case 'googlecompute':
            rows.push(row('Image', parsed.project, parsed.image));
            break;
        case 'docker':
            if (parsed.imageId)
                rows.push(row('Image', undefined, parsed.imageId));
            if (parsed.repositoryTag)
                rows.push(row('Tag', undefined, parsed.repositoryTag));
            break;
        case 'files': {
            const files = parsed.files.slice(0, 20).map(_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY);
            if (parsed.files.length > files.length)
                files.push(`…and ${parsed.files.length - 20} more`);
            if (files.length)
                rows.push([build, 'Files', '', files.join('<br>')]);
            break;
        }
        default:
            break;
    }
    if (rows.length === 0 && (artifact.id || artifact.description)) {
        rows.push(row((0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(artifact.builderType || 'Artifact'), undefined, artifact.id || artifact.description));
    }
    return rows;
}
function location(finding) {
    if (!finding.file)
        return '';
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(finding.line === undefined ? finding.file : `${finding.file}:${finding.line}`);
}
function findingsTable(findings) {
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['Severity', 'Location', 'Message'], findings.map((f) => [
        f.severity === 'warning' ? 'warning' : 'error',
        location(f),
        f.title ? `<strong>${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(f.title)}</strong>: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(f.message)}` : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(f.message)
    ]));
}
/** The job summary of one run. */
function renderSummary(report) {
    const validateFindings = report.validateFindings ?? [];
    const fmtFindings = report.fmtFindings ?? [];
    const artifacts = report.builds.flatMap((b) => b.artifacts);
    const sections = [];
    sections.push(`### Packer ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(report.command)}: ${statusText(report.status)}`);
    sections.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['Packer', 'Template', 'Duration'], [
        [
            report.packerVersion ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(report.packerVersion) : '',
            report.templates.map(_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY).join('<br>'),
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(report.durationMs)
        ]
    ]));
    if (report.error)
        sections.push(`**Error**\n\n${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .pre */ .AS)(report.error)}`);
    if (report.builds.length) {
        sections.push('#### Builds', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['Build', 'Builder', 'Status', 'Duration', 'Artifacts'], report.builds.map((b) => [
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(b.name),
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(b.builderType),
            statusText(b.status),
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(b.durationMs),
            String(b.artifacts.length)
        ])));
        for (const b of report.builds.filter((b) => b.errors.length)) {
            sections.push(`**Errors of ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(b.name)}**\n\n${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .pre */ .AS)(b.errors.join('\n'))}`);
        }
    }
    const artifactTable = artifacts.flatMap(artifactRows);
    if (artifactTable.length) {
        sections.push('#### Artifacts', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['Build', 'Artifact', 'Where', 'ID'], artifactTable));
    }
    if (validateFindings.length) {
        // What packer validate said, and the diagnostics of packer build.
        sections.push(report.command === 'build' ? '#### Diagnostics' : '#### Validation', findingsTable(validateFindings));
    }
    if (fmtFindings.length) {
        sections.push('#### Formatting', findingsTable(fmtFindings));
    }
    const formatted = report.formatted ?? [];
    if (formatted.length) {
        sections.push('#### Formatted', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['Rewritten by packer fmt'], formatted.map((f) => [(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(f)])));
    }
    if (!report.builds.length &&
        !validateFindings.length &&
        !fmtFindings.length &&
        !formatted.length &&
        !report.error) {
        sections.push('No builds and no findings.');
    }
    return sections.join('\n\n') + '\n';
}


/***/ }),

/***/ 79914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bv: () => (/* binding */ selectTfvarsValues),
/* harmony export */   UO: () => (/* binding */ parseTfvarsMapping),
/* harmony export */   nf: () => (/* binding */ parseAmiIds)
/* harmony export */ });
/* harmony import */ var _action_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78055);
/* harmony import */ var _action_dictionary_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(44276);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(18364);
/**
 * Which AMI goes into which Terraform variable: the `tfvars-mapping` input, the `ami-ids` JSON of
 * the build step, and the values chosen from them. Pure code.
 */




// AWS issues AMI ids with 8 hex digits (before 2016) or 17.
const AMI_ID = /^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
const AMI_ID_EXPECTED = '"ami-" followed by 8 or 17 lowercase hexadecimal digits';
function isAmiId(value) {
    return AMI_ID.test(value);
}
/** Reads `variable=build[:region]` lines; blank lines and `#` comment lines are skipped. */
function parseTfvarsMapping(text) {
    const entries = [];
    const lineOf = new Map();
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = index + 1;
        const trimmed = raw.trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            return;
        const eq = trimmed.indexOf('=');
        if (eq < 0) {
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Input 'tfvars-mapping', line ${line} ("${trimmed}"): expected "variable=build" or "variable=build:region"`);
        }
        const variable = trimmed.slice(0, eq).trim();
        const target = trimmed.slice(eq + 1).trim();
        if (!(0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .isTerraformIdentifier */ .ML)(variable)) {
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Input 'tfvars-mapping', line ${line}: "${variable}" is not a valid Terraform variable name ` +
                '(expected a letter or underscore, then letters, digits, underscores or hyphens)');
        }
        const previous = lineOf.get(variable);
        if (previous !== undefined) {
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Input 'tfvars-mapping', line ${line}: variable "${variable}" is already mapped on line ${previous}`);
        }
        // Build names may contain colons only in theory (`source.type.name` uses dots), so the last
        // colon separates the region.
        const colon = target.lastIndexOf(':');
        const build = (colon < 0 ? target : target.slice(0, colon)).trim();
        const region = colon < 0 ? undefined : target.slice(colon + 1).trim();
        if (build === '' || region === '') {
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Input 'tfvars-mapping', line ${line} ("${trimmed}"): expected "variable=build" or "variable=build:region" with a non-empty build${region === '' ? ' and region' : ''}`);
        }
        lineOf.set(variable, line);
        entries.push(region === undefined ? { variable, build, line } : { variable, build, region, line });
    });
    return entries;
}
/** Reads the `ami-ids` JSON (`{ "<build>": { "<region>": "ami-…" } }`), checking every id. */
function parseAmiIds(json) {
    let value;
    try {
        value = JSON.parse(json);
    }
    catch (error) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`ami-ids is not valid JSON (${error.message}); expected {"<build>": {"<region>": "ami-…"}}`);
    }
    if (!(0,_action_dictionary_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(value)) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`ami-ids must be a JSON object {"<build>": {"<region>": "ami-…"}}`);
    }
    const result = (0,_action_dictionary_js__WEBPACK_IMPORTED_MODULE_2__/* .dictionary */ .z)();
    for (const [build, regions] of Object.entries(value)) {
        if (!(0,_action_dictionary_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(regions)) {
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`ami-ids: the value of build "${build}" must be an object {"<region>": "ami-…"}`);
        }
        const byRegion = (0,_action_dictionary_js__WEBPACK_IMPORTED_MODULE_2__/* .dictionary */ .z)();
        for (const [region, ami] of Object.entries(regions)) {
            if (region.trim() === '')
                throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`ami-ids: build "${build}" has an empty region`);
            if (typeof ami !== 'string' || !isAmiId(ami)) {
                throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`ami-ids: ${JSON.stringify(ami)} (build "${build}", region "${region}") is not an AMI id; expected ${AMI_ID_EXPECTED}`);
            }
            byRegion[region] = ami;
        }
        result[build] = byRegion;
    }
    return result;
}
/**
 * The variables to write. Without a mapping: one AMI overall goes to `ami_id`; several go to
 * `ami_ids`, a map keyed by region. With a mapping, `variable=build` receives a string when the
 * build made one AMI and a region map otherwise; `variable=build:region` receives that AMI.
 * Region maps are sorted by region so that the written file does not depend on JSON key order.
 */
function selectTfvarsValues(amiIds, mapping) {
    const builds = Object.keys(amiIds).filter((b) => Object.keys(amiIds[b]).length > 0);
    if (builds.length === 0) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('ami-ids holds no AMI id: there is nothing to write into the tfvars file');
    }
    if (!mapping || mapping.length === 0)
        return defaultValues(amiIds, builds);
    const values = (0,_action_dictionary_js__WEBPACK_IMPORTED_MODULE_2__/* .dictionary */ .z)();
    for (const entry of mapping) {
        const regions = amiIds[entry.build];
        if (!regions || Object.keys(regions).length === 0) {
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Input 'tfvars-mapping', line ${entry.line}: build "${entry.build}" has no AMI in ami-ids; builds with AMIs: ${quoteList(builds)}`);
        }
        if (entry.region !== undefined) {
            const ami = regions[entry.region];
            if (ami === undefined) {
                throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Input 'tfvars-mapping', line ${entry.line}: build "${entry.build}" has no AMI in region "${entry.region}"; its regions: ${quoteList(Object.keys(regions))}`);
            }
            values[entry.variable] = ami;
            continue;
        }
        const sorted = sortedMap(regions);
        const only = Object.values(sorted);
        values[entry.variable] = only.length === 1 ? only[0] : sorted;
    }
    return values;
}
function defaultValues(amiIds, builds) {
    const byRegion = (0,_action_dictionary_js__WEBPACK_IMPORTED_MODULE_2__/* .dictionary */ .z)();
    const buildOfRegion = (0,_action_dictionary_js__WEBPACK_IMPORTED_MODULE_2__/* .dictionary */ .z)();
    let count = 0;
    for (const build of builds) {
        for (const [region, ami] of Object.entries(amiIds[build])) {
            count++;
            if (region in buildOfRegion) {
                throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Builds "${buildOfRegion[region]}" and "${build}" both made an AMI in ${region}, so the ` +
                    'default ami_ids map keyed by region would be ambiguous; set tfvars-mapping, e.g. ' +
                    `"${suggestVariable(buildOfRegion[region])}=${buildOfRegion[region]}"`);
            }
            buildOfRegion[region] = build;
            byRegion[region] = ami;
        }
    }
    if (count === 1)
        return { ami_id: Object.values(byRegion)[0] };
    return { ami_ids: sortedMap(byRegion) };
}
function suggestVariable(build) {
    const last = build.split('.').pop() ?? build;
    const name = last.replace(/[^A-Za-z0-9_]/g, '_');
    return /^[A-Za-z_]/.test(name) ? `${name}_ami` : `ami_${name}`;
}
function sortedMap(map) {
    const sorted = (0,_action_dictionary_js__WEBPACK_IMPORTED_MODULE_2__/* .dictionary */ .z)();
    for (const key of Object.keys(map).sort())
        sorted[key] = map[key];
    return sorted;
}
function quoteList(names) {
    return names.length === 0 ? '(none)' : names.map((n) => `"${n}"`).join(', ');
}


/***/ }),

/***/ 18364:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G1: () => (/* binding */ position),
/* harmony export */   ML: () => (/* binding */ isTerraformIdentifier),
/* harmony export */   RE: () => (/* binding */ lineEndingOf),
/* harmony export */   Xj: () => (/* binding */ checkValues),
/* harmony export */   eE: () => (/* binding */ sameValue)
/* harmony export */ });
/* harmony import */ var _action_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78055);
/**
 * The values the action writes into Terraform variable files, and what the HCL and JSON writers
 * share: the name check, value comparison, line endings and positions for messages. Pure code.
 */

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
function isTerraformIdentifier(name) {
    return IDENTIFIER.test(name);
}
function checkValues(values) {
    for (const name of Object.keys(values)) {
        if (!isTerraformIdentifier(name)) {
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`"${name}" is not a valid Terraform variable name`);
        }
    }
}
function sameValue(a, b) {
    if (a === undefined)
        return false;
    if (typeof a === 'string' || typeof b === 'string')
        return a === b;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length)
        return false;
    return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k]);
}
function lineEndingOf(text) {
    const lf = text.indexOf('\n');
    return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}
/** 1-based line and column of an offset. */
function position(text, offset) {
    let line = 1;
    let start = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        start = i + 1;
    }
    return { line, column: offset - start + 1 };
}


/***/ })

};
