export const id = 661;
export const ids = [661];
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

/***/ 86661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _action_constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90915);
/* harmony import */ var _aws_resources_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(47360);
/**
 * The post step. After a clean run it does nothing (no state, no AWS call). When the runner killed
 * Packer and the action before Packer could clean up, the main step's saved state names the
 * temporary instances, key pairs and security groups this run created, and they are deleted here.
 * It never fails the job: what it cannot delete is named in a warning so that a person can.
 */


async function runPost(env = process.env) {
    const resources = (0,_aws_resources_js__WEBPACK_IMPORTED_MODULE_1__/* .parseResources */ .tK)(env[`STATE_${_action_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .State */ .Uw.AwsResources}`]);
    if (!(0,_aws_resources_js__WEBPACK_IMPORTED_MODULE_1__/* .hasResources */ .MP)(resources))
        return;
    const { deleteLeftovers } = await Promise.all(/* import() */[__webpack_require__.e(193), __webpack_require__.e(838), __webpack_require__.e(765)]).then(__webpack_require__.bind(__webpack_require__, 98765));
    await deleteLeftovers(resources, env, 'The build was stopped before Packer could clean up');
}


/***/ })

};
