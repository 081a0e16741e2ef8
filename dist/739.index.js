export const id = 739;
export const ids = [739];
export const modules = {

/***/ 83916:
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

/***/ 11739:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deleteLeftovers: () => (/* binding */ deleteLeftovers)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(35193);
/* harmony import */ var _lifecycle_ec2_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80626);
/** Deletes the temporary AWS resources a killed build left (see post.ts). Thin I/O on the SDK. */



/** How long to wait for instances to terminate before their security group can go. */
const TERMINATE_WAIT_SECONDS = 300;
function regionsToSearch(resources, env) {
    return [
        ...new Set([...resources.regions, env.AWS_REGION ?? '', env.AWS_DEFAULT_REGION ?? ''])
    ].filter(Boolean);
}
/** The instances of the list that exist in the client's region (terminated ones included). */
async function instancesIn(client, ids) {
    if (ids.length === 0)
        return [];
    const found = await client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .DescribeInstancesCommand */ .bNs({ Filters: [{ Name: 'instance-id', Values: ids }] }));
    return (found.Reservations ?? []).flatMap((r) => (r.Instances ?? []).flatMap((i) => i.InstanceId && i.State?.Name !== 'terminated' ? [i.InstanceId] : []));
}
async function deleteLeftovers(resources, env) {
    const regions = regionsToSearch(resources, env);
    const left = {
        instances: new Set(resources.instances),
        keyPairs: new Set(resources.keyPairs),
        securityGroups: new Set(resources.securityGroups)
    };
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`The build was stopped before Packer could clean up; deleting what it created: ${describe(resources)}`);
    const problems = [];
    if (regions.length === 0) {
        problems.push('no region is configured (AWS_REGION)');
    }
    for (const region of regions) {
        const client = new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .EC2Client */ .gu5({ region });
        try {
            const running = await instancesIn(client, [...left.instances]);
            if (running.length > 0) {
                await client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .TerminateInstancesCommand */ .NaF({ InstanceIds: running }));
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Terminating ${running.join(', ')} in ${region}`);
                await (0,_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .waitUntilInstanceTerminated */ .GJr)({ client, maxWaitTime: TERMINATE_WAIT_SECONDS, minDelay: 1, maxDelay: 10 }, { InstanceIds: running });
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Terminated ${running.join(', ')} in ${region}`);
            }
            // Found and now terminated, or already gone in this region.
            for (const id of resources.instances) {
                if (running.includes(id))
                    left.instances.delete(id);
            }
            if (left.securityGroups.size > 0) {
                const groups = await client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .DescribeSecurityGroupsCommand */ .jsQ({
                    Filters: [{ Name: 'group-name', Values: [...left.securityGroups] }]
                }));
                for (const group of groups.SecurityGroups ?? []) {
                    if (!group.GroupId || !group.GroupName)
                        continue;
                    await client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .DeleteSecurityGroupCommand */ .yEh({ GroupId: group.GroupId }));
                    left.securityGroups.delete(group.GroupName);
                    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Deleted security group ${group.GroupName} (${group.GroupId}) in ${region}`);
                }
            }
            for (const name of [...left.keyPairs]) {
                // DeleteKeyPair succeeds for a name that does not exist, so only the first region takes it.
                await client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .DeleteKeyPairCommand */ .EWB({ KeyName: name }));
                left.keyPairs.delete(name);
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Deleted key pair ${name} in ${region}`);
            }
        }
        catch (error) {
            problems.push(`${region}: ${(0,_lifecycle_ec2_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorMessage */ .X_)(error)}`);
        }
        finally {
            client.destroy();
        }
    }
    // Instances that no region knew of were never started or are long gone.
    const remaining = {
        regions,
        instances: [],
        keyPairs: [...left.keyPairs],
        securityGroups: [...left.securityGroups]
    };
    if (problems.length > 0 || remaining.keyPairs.length + remaining.securityGroups.length > 0) {
        const stillThere = problems.length > 0 ? { ...remaining, instances: [...left.instances] } : remaining;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not delete everything the stopped build created; delete by hand: ${describe(stillThere)}` +
            (problems.length ? ` (${problems.join('; ')})` : ''), { title: 'Packer build left AWS resources' });
    }
}
function describe(r) {
    const parts = [
        r.instances.length ? `instances ${r.instances.join(', ')}` : '',
        r.keyPairs.length ? `key pairs ${r.keyPairs.join(', ')}` : '',
        r.securityGroups.length ? `security groups ${r.securityGroups.join(', ')}` : ''
    ].filter(Boolean);
    return `${parts.join('; ') || 'nothing'}${r.regions.length ? ` (regions ${r.regions.join(', ')})` : ''}`;
}


/***/ }),

/***/ 80626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jv: () => (/* binding */ cleanupRegion),
/* harmony export */   X_: () => (/* binding */ awsErrorMessage),
/* harmony export */   _h: () => (/* binding */ defaultRegion),
/* harmony export */   aA: () => (/* binding */ tagResources),
/* harmony export */   gA: () => (/* binding */ describeImagesById),
/* harmony export */   pW: () => (/* binding */ shareImage),
/* harmony export */   wC: () => (/* binding */ ec2Client)
/* harmony export */ });
/* unused harmony exports toImage, describeOwnImages, imagesInUse, deleteImages */
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(35193);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _retention_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1642);
/**
 * The EC2 calls of the lifecycle commands, through `@aws-sdk/client-ec2`. Thin I/O: listing what
 * the pure planners need and carrying out their plans, capturing each item's failure so that one
 * snapshot in use or one region down does not stop the rest.
 */



/**
 * A client for one region. Everything else comes from the SDK's default chain, so the runner's
 * credentials, `AWS_REGION` and `AWS_ENDPOINT_URL_EC2` apply as they do for the AWS CLI.
 */
function ec2Client(region, config = {}) {
    return new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .EC2Client */ .gu5(region ? { ...config, region } : config);
}
/** The region the SDK resolves from the environment when none is given. */
async function defaultRegion(client = new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .EC2Client */ .gu5({})) {
    return client.config.region();
}
/** `ServiceException: message`, or the message of anything else thrown. */
function awsErrorMessage(error) {
    if (error instanceof Error && error.name && error.name !== 'Error') {
        return `${error.name}: ${error.message}`;
    }
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u)(error);
}
function toImage(region, image) {
    const tags = {};
    for (const tag of image.Tags ?? [])
        if (tag.Key !== undefined)
            tags[tag.Key] = tag.Value ?? '';
    return {
        id: image.ImageId ?? '',
        name: image.Name ?? '',
        region,
        creationDate: image.CreationDate ?? '',
        state: image.State ?? '',
        tags,
        snapshotIds: (image.BlockDeviceMappings ?? []).flatMap((m) => m.Ebs?.SnapshotId ? [m.Ebs.SnapshotId] : []),
        owner: image.OwnerId ?? ''
    };
}
/** Every image this account owns in the client's region, disabled ones included, page by page. */
async function describeOwnImages(client, region, pageSize) {
    const images = [];
    const pages = (0,_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .paginateDescribeImages */ .XiR)({ client, pageSize }, { Owners: ['self'], IncludeDisabled: true });
    for await (const page of pages) {
        for (const image of page.Images ?? [])
            images.push(toImage(region, image));
    }
    return images;
}
/**
 * The described state of the given own AMIs. By filter rather than `ImageIds`, so that a missing
 * id is simply absent instead of failing the whole call with InvalidAMIID.NotFound.
 */
async function describeImagesById(client, region, imageIds) {
    if (imageIds.length === 0)
        return [];
    const images = [];
    const pages = (0,_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .paginateDescribeImages */ .XiR)({ client }, { Owners: ['self'], Filters: [{ Name: 'image-id', Values: imageIds }] });
    for await (const page of pages) {
        for (const image of page.Images ?? [])
            images.push(toImage(region, image));
    }
    return images;
}
// Every state an instance can be started again from keeps its image in use.
const INSTANCE_STATES = ['pending', 'running', 'stopping', 'stopped'];
/**
 * Why images are in use in the client's region: instances not terminated that were launched from
 * them, and the latest and default versions of launch templates (an Auto Scaling group may use
 * either, as `$Latest` or `$Default`).
 */
async function imagesInUse(client, pageSize) {
    const instances = [];
    const instancePages = (0,_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .paginateDescribeInstances */ .H0T)({ client, pageSize }, { Filters: [{ Name: 'instance-state-name', Values: INSTANCE_STATES }] });
    for await (const page of instancePages) {
        for (const reservation of page.Reservations ?? []) {
            for (const i of reservation.Instances ?? []) {
                if (i.InstanceId && i.ImageId)
                    instances.push({ instanceId: i.InstanceId, imageId: i.ImageId });
            }
        }
    }
    const templates = [];
    for await (const page of (0,_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .paginateDescribeLaunchTemplates */ .dij)({ client }, {})) {
        for (const template of page.LaunchTemplates ?? []) {
            if (!template.LaunchTemplateId)
                continue;
            const versions = (0,_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .paginateDescribeLaunchTemplateVersions */ .ZY3)({ client }, { LaunchTemplateId: template.LaunchTemplateId, Versions: ['$Latest', '$Default'] });
            const seen = new Set();
            for await (const versionPage of versions) {
                for (const v of versionPage.LaunchTemplateVersions ?? []) {
                    const imageId = v.LaunchTemplateData?.ImageId;
                    if (!imageId || v.VersionNumber === undefined || seen.has(v.VersionNumber))
                        continue;
                    seen.add(v.VersionNumber);
                    templates.push({
                        launchTemplateId: template.LaunchTemplateId,
                        version: v.VersionNumber,
                        imageId
                    });
                }
            }
        }
    }
    return (0,_retention_js__WEBPACK_IMPORTED_MODULE_1__/* .inUseReasons */ .QI)(instances, templates);
}
/**
 * Deregisters each image, then deletes its snapshots. An image that cannot be deregistered keeps
 * its snapshots (they would be refused as in use anyway); each failure is recorded and the rest
 * goes on.
 */
async function deleteImages(client, deletions) {
    const deleted = [];
    const failures = [];
    for (const d of deletions) {
        try {
            await client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .DeregisterImageCommand */ .x2c({ ImageId: d.imageId }));
        }
        catch (error) {
            failures.push({ region: d.region, resourceId: d.imageId, message: awsErrorMessage(error) });
            continue;
        }
        const snapshotIds = [];
        for (const snapshotId of d.snapshotIds) {
            try {
                await client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .DeleteSnapshotCommand */ .tZN({ SnapshotId: snapshotId }));
                snapshotIds.push(snapshotId);
            }
            catch (error) {
                failures.push({ region: d.region, resourceId: snapshotId, message: awsErrorMessage(error) });
            }
        }
        deleted.push({ region: d.region, imageId: d.imageId, name: d.name, snapshotIds });
    }
    return { deleted, failures };
}
/**
 * Plans and (unless a dry run) carries out retention in one region. A failure to list the
 * region's images or what uses them is returned as a failure of the whole region, with nothing
 * deleted there: deleting without knowing what is in use would not be safe.
 */
async function cleanupRegion(client, options) {
    const { region, dryRun, pageSize, ...retention } = options;
    let plan;
    try {
        const [images, inUse] = await Promise.all([
            describeOwnImages(client, region, pageSize),
            imagesInUse(client, pageSize)
        ]);
        plan = (0,_retention_js__WEBPACK_IMPORTED_MODULE_1__/* .planRetention */ .SA)({ ...retention, images, inUse });
    }
    catch (error) {
        return { deleted: [], kept: [], failures: [{ region, message: awsErrorMessage(error) }] };
    }
    if (dryRun) {
        return {
            deleted: plan.delete.map(({ region, imageId, name, snapshotIds }) => ({
                region,
                imageId,
                name,
                snapshotIds
            })),
            kept: plan.keep,
            failures: []
        };
    }
    const { deleted, failures } = await deleteImages(client, plan.delete);
    return { deleted, kept: plan.keep, failures };
}
/** Tags the resources (an AMI and its snapshots) in one call. */
async function tagResources(client, resourceIds, tags) {
    const entries = Object.entries(tags);
    if (resourceIds.length === 0 || entries.length === 0)
        return;
    await client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .CreateTagsCommand */ .RmG({
        Resources: resourceIds,
        Tags: entries.map(([Key, Value]) => ({ Key, Value }))
    }));
}
/** Adds launch permission for the accounts; adding one that exists changes nothing. */
async function shareImage(client, imageId, accountIds) {
    if (accountIds.length === 0)
        return;
    await client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .ModifyImageAttributeCommand */ .FE3({
        ImageId: imageId,
        LaunchPermission: { Add: accountIds.map((UserId) => ({ UserId })) }
    }));
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
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/**
 * Retention planning for `command: cleanup`. Pure code: given every image the account owns (with
 * what is in use), decide per region which images to deregister and which snapshots go with them,
 * and say why each other candidate is kept.
 */

/**
 * Decides what to delete. An image is kept, with the first reason that applies: it is in use; it
 * is pending; it is one of the `keep` newest candidates of its region (pending images count);
 * it is younger than the minimum age. Every other candidate is deleted. Ties in creation date
 * are broken by image id so the plan does not depend on the order EC2 listed images in.
 */
function planRetention(options) {
    const { images, inUse, keep, minAgeMs, nameFilter, tags = {} } = options;
    if (!Number.isInteger(keep) || keep < 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`keep must be a whole number of images, 0 or more; got ${keep}`);
    }
    const now = typeof options.now === 'number' ? options.now : options.now.getTime();
    const created = new Map();
    for (const image of images) {
        const time = Date.parse(image.creationDate);
        if (Number.isNaN(time)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`Image ${image.id} in ${image.region} has creation date "${image.creationDate}"; expected an ISO 8601 time`);
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
        inRegion.forEach((image, rank) => {
            const reason = inUse.get(image.id) ??
                (image.state === 'pending' ? 'pending' : undefined) ??
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
        });
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`min-age "${text}" is not a duration; expected a number and a unit (s, m, h, d or w), e.g. 14d, 12h, 2w or 1d12h`);
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
    const tags = {};
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '')
            return;
        const eq = line.indexOf('=');
        const key = eq < 0 ? '' : line.slice(0, eq).trim();
        if (key === '') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`image-tags line ${index + 1} ("${line}"): expected "key=value"`);
        }
        const value = line.slice(eq + 1).trim();
        if (key in tags && tags[key] !== value) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`image-tags line ${index + 1}: tag "${key}" is already required to be "${tags[key]}"`);
        }
        tags[key] = value;
    });
    return tags;
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ })

};
