export const id = 636;
export const ids = [636];
export const modules = {

/***/ 32947:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ deregisterWithSnapshots)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(35193);
/**
 * Deregistering an AMI and deleting its snapshots: the one way the action removes an image, for
 * the leftovers of a failed build and for `cleanup` alike. Thin I/O on the SDK.
 */

/**
 * Deregisters the image, then deletes each of its snapshots. An image that cannot be deregistered
 * keeps its snapshots (EC2 would refuse them as in use anyway); a snapshot that cannot be deleted
 * is recorded and the others still go, so that as little as possible is left orphaned.
 */
async function deregisterWithSnapshots(client, imageId, snapshotIds) {
    try {
        await client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_0__/* .DeregisterImageCommand */ .x2c({ ImageId: imageId }));
    }
    catch (error) {
        return { deregistered: false, deletedSnapshots: [], failures: [{ resourceId: imageId, error }] };
    }
    const deletedSnapshots = [];
    const failures = [];
    for (const snapshotId of snapshotIds) {
        try {
            await client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_0__/* .DeleteSnapshotCommand */ .tZN({ SnapshotId: snapshotId }));
            deletedSnapshots.push(snapshotId);
        }
        catch (error) {
            failures.push({ resourceId: snapshotId, error });
        }
    }
    return { deregistered: true, deletedSnapshots, failures };
}


/***/ }),

/***/ 47636:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanupImages: () => (/* reexport */ cleanupImages),
  mergeManifestFiles: () => (/* reexport */ mergeManifestFiles),
  promoteImages: () => (/* reexport */ promoteImages),
  updateTfvarsFile: () => (/* reexport */ updateTfvarsFile)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./src/action/constants.ts
var constants = __webpack_require__(90915);
// EXTERNAL MODULE: ./src/action/errors.ts
var errors = __webpack_require__(78055);
// EXTERNAL MODULE: ./src/summary/lifecycle.ts
var lifecycle = __webpack_require__(87980);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-cjs/index.js
var dist_cjs = __webpack_require__(35193);
// EXTERNAL MODULE: ./src/aws/deregister.ts
var deregister = __webpack_require__(32947);
// EXTERNAL MODULE: ./src/lifecycle/retention.ts
var lifecycle_retention = __webpack_require__(1642);
// EXTERNAL MODULE: ./src/action/dictionary.ts
var dictionary = __webpack_require__(44276);
;// CONCATENATED MODULE: ./src/aws/images.ts
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
    return new dist_cjs/* EC2Client */.gu5(region ? { ...config, region } : config);
}
/** The region the SDK resolves from the environment when none is given. */
async function defaultRegion(client = new dist_cjs/* EC2Client */.gu5({})) {
    return client.config.region();
}
function toImage(region, image) {
    const tags = (0,dictionary/* dictionary */.z)();
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
    const pages = (0,dist_cjs/* paginateDescribeImages */.XiR)({ client, pageSize }, { Owners: ['self'], IncludeDisabled: true });
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
    const pages = (0,dist_cjs/* paginateDescribeImages */.XiR)({ client }, { Owners: ['self'], Filters: [{ Name: 'image-id', Values: imageIds }] });
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
    const instancePages = (0,dist_cjs/* paginateDescribeInstances */.H0T)({ client, pageSize }, { Filters: [{ Name: 'instance-state-name', Values: INSTANCE_STATES }] });
    for await (const page of instancePages) {
        for (const reservation of page.Reservations ?? []) {
            for (const i of reservation.Instances ?? []) {
                if (i.InstanceId && i.ImageId)
                    instances.push({ instanceId: i.InstanceId, imageId: i.ImageId });
            }
        }
    }
    const templates = [];
    for await (const page of (0,dist_cjs/* paginateDescribeLaunchTemplates */.dij)({ client }, {})) {
        for (const template of page.LaunchTemplates ?? []) {
            if (!template.LaunchTemplateId)
                continue;
            const versions = (0,dist_cjs/* paginateDescribeLaunchTemplateVersions */.ZY3)({ client }, { LaunchTemplateId: template.LaunchTemplateId, Versions: ['$Latest', '$Default'] });
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
    return (0,lifecycle_retention/* inUseReasons */.QI)(instances, templates);
}
/**
 * Deregisters each image, then deletes its snapshots. An image that cannot be deregistered keeps
 * its snapshots (they would be refused as in use anyway); each failure is recorded and the rest
 * goes on. Once `stop()` says so (the job is being cancelled), no further image is started, but an
 * image already deregistered still loses its snapshots, so none is left orphaned.
 */
async function deleteImages(client, deletions, stop = () => false) {
    const deleted = [];
    const failures = [];
    for (const [index, d] of deletions.entries()) {
        if (stop())
            return { deleted, failures, notStarted: deletions.slice(index) };
        const result = await (0,deregister/* deregisterWithSnapshots */.o)(client, d.imageId, d.snapshotIds);
        for (const { resourceId, error } of result.failures) {
            failures.push({ region: d.region, resourceId, message: (0,errors/* awsErrorMessage */.X_)(error) });
        }
        if (!result.deregistered)
            continue;
        deleted.push({
            region: d.region,
            imageId: d.imageId,
            name: d.name,
            snapshotIds: result.deletedSnapshots
        });
    }
    return { deleted, failures, notStarted: [] };
}
/**
 * Plans and (unless a dry run) carries out retention in one region. A failure to list the
 * region's images or what uses them is returned as a failure of the whole region, with nothing
 * deleted there: deleting without knowing what is in use would not be safe.
 */
async function cleanupRegion(client, options) {
    const { region, dryRun, pageSize, stop, ...retention } = options;
    let plan;
    try {
        const [images, inUse] = await Promise.all([
            describeOwnImages(client, region, pageSize),
            imagesInUse(client, pageSize)
        ]);
        plan = (0,lifecycle_retention/* planRetention */.SA)({ ...retention, images, inUse });
    }
    catch (error) {
        return {
            deleted: [],
            kept: [],
            failures: [{ region, message: (0,errors/* awsErrorMessage */.X_)(error) }],
            notStarted: []
        };
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
            failures: [],
            notStarted: []
        };
    }
    const { deleted, failures, notStarted } = await deleteImages(client, plan.delete, stop);
    return { deleted, kept: plan.keep, failures, notStarted };
}
/** Tags the resources (an AMI and its snapshots) in one call. */
async function tagResources(client, resourceIds, tags) {
    const entries = Object.entries(tags);
    if (resourceIds.length === 0 || entries.length === 0)
        return;
    await client.send(new dist_cjs/* CreateTagsCommand */.RmG({
        Resources: resourceIds,
        Tags: entries.map(([Key, Value]) => ({ Key, Value }))
    }));
}
/** Adds launch permission for the accounts; adding one that exists changes nothing. */
async function shareImage(client, imageId, accountIds) {
    if (accountIds.length === 0)
        return;
    await client.send(new dist_cjs/* ModifyImageAttributeCommand */.FE3({
        ImageId: imageId,
        LaunchPermission: { Add: accountIds.map((UserId) => ({ UserId })) }
    }));
}

;// CONCATENATED MODULE: ./src/commands/cleanup.ts
/** `command: cleanup`: deregisters the images retention no longer keeps, with their snapshots. */





/** What it has to report is in `report` even when it fails part-way. */
async function cleanupImages(inputs, ctx, report) {
    let regions = inputs.awsRegions;
    if (regions.length === 0) {
        let region;
        try {
            region = await defaultRegion();
        }
        catch {
            region = undefined;
        }
        if (!region) {
            throw new errors/* ActionError */.lZ(`Input '${constants/* Inputs */.G0.AwsRegions}' is empty and no region is configured (AWS_REGION); name the regions to clean up`);
        }
        regions = [region];
    }
    const deleted = [];
    const kept = [];
    const failures = [];
    const notStarted = [];
    const now = new Date();
    for (const region of regions) {
        // A cancelled job starts no further region; an image in progress is finished (see deleteImages).
        if (ctx.cancelled())
            break;
        await ctx.log.group(`${inputs.dryRun ? 'Dry run: ' : ''}cleanup in ${region}`, async () => {
            const result = await cleanupRegion(ec2Client(region), {
                region,
                dryRun: inputs.dryRun,
                keep: inputs.keep,
                ...(inputs.minAgeMs === undefined ? {} : { minAgeMs: inputs.minAgeMs }),
                now,
                ...(inputs.imageNameFilter ? { nameFilter: inputs.imageNameFilter } : {}),
                ...(Object.keys(inputs.imageTags).length ? { tags: inputs.imageTags } : {}),
                stop: ctx.cancelled
            });
            notStarted.push(...result.notStarted);
            for (const d of result.deleted) {
                ctx.log.info(`${inputs.dryRun ? 'Would delete' : 'Deleted'} ${d.imageId} (${d.name})${d.snapshotIds.length ? ` and snapshot(s) ${d.snapshotIds.join(', ')}` : ''}`);
            }
            for (const k of result.kept)
                ctx.log.info(`Kept ${k.imageId} (${k.name}): ${k.reason}`);
            for (const f of result.failures) {
                core/* error */.z3(ctx.log.redact(`${f.region}${f.resourceId ? ` ${f.resourceId}` : ''}: ${f.message}`), {
                    title: 'cleanup'
                });
            }
            deleted.push(...result.deleted);
            kept.push(...result.kept);
            failures.push(...result.failures);
        });
    }
    // Outputs are written to a file, and pass the same redaction as the log.
    core/* setOutput */.uH(constants/* Outputs */.tY.Deleted, JSON.stringify(ctx.log.redactDeep(deleted)));
    core/* setOutput */.uH(constants/* Outputs */.tY.Kept, JSON.stringify(ctx.log.redactDeep(kept.map(({ region, imageId, name, reason }) => ({ region, imageId, name, reason })))));
    // Redacted before it is rendered: Markdown escaping would hide a secret from the redactor.
    report.markdown = (0,lifecycle/* renderCleanupSummary */.dY)(ctx.log.redactDeep({ dryRun: inputs.dryRun, deleted, kept, failures }));
    if (ctx.cancelled()) {
        throw new errors/* ActionError */.lZ(`Cleanup was cancelled after ${deleted.length} deletion(s)${notStarted.length ? `; not deleted: ${notStarted.map((d) => `${d.region} ${d.imageId}`).join(', ')}` : ''}`);
    }
    if (failures.length > 0) {
        throw new errors/* ActionError */.lZ(`Cleanup had ${failures.length} failure(s): ${failures.map((f) => `${f.region}${f.resourceId ? ` ${f.resourceId}` : ''}: ${f.message}`).join('; ')}`);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/action/run-dir.ts
var run_dir = __webpack_require__(87629);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/action/glob.ts
/**
 * File patterns for inputs that name files (`manifests`): `*` and `?` within one path segment,
 * `**` for any number of segments. A pattern without wildcards names one file, which must exist.
 */


const WILDCARD = /[*?]/;
/** The pattern as a regular expression over `/`-separated paths. Pure. */
function globToRegExp(pattern) {
    let re = '';
    const segments = pattern.split('/');
    segments.forEach((segment, i) => {
        const last = i === segments.length - 1;
        if (segment === '**') {
            re += last ? '.*' : '(?:[^/]+/)*';
            return;
        }
        for (const c of segment) {
            if (c === '*')
                re += '[^/]*';
            else if (c === '?')
                re += '[^/]';
            else
                re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
        }
        if (!last)
            re += '/';
    });
    return new RegExp(`^${re}$`);
}
/** The fixed directory a pattern starts from: its segments before the first wildcard. */
function patternBase(pattern) {
    const segments = pattern.split('/');
    const first = segments.findIndex((s) => WILDCARD.test(s));
    return segments.slice(0, first < 0 ? segments.length - 1 : first).join('/') || '.';
}
function walk(dir, into) {
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true });
    }
    catch {
        return;
    }
    for (const entry of entries) {
        const full = external_node_path_.join(dir, entry.name);
        if (entry.isDirectory())
            walk(full, into);
        else if (entry.isFile())
            into.push(full);
    }
}
/**
 * The files the patterns name, absolute, each once, in pattern order and then by name. `missing`
 * lists the patterns that matched nothing, and `folders` those of them that name a folder.
 */
function expandPatterns(patterns, cwd) {
    const files = [];
    const missing = [];
    const folders = [];
    for (const raw of patterns) {
        const pattern = raw.replace(/\\/g, '/');
        const absolute = external_node_path_.resolve(cwd, pattern);
        if (!WILDCARD.test(pattern)) {
            let stat;
            try {
                stat = (0,external_node_fs_.statSync)(absolute);
            }
            catch {
                stat = undefined;
            }
            if (stat?.isFile())
                files.push(absolute);
            else
                missing.push(raw);
            if (stat?.isDirectory())
                folders.push(raw);
            continue;
        }
        const base = external_node_path_.resolve(cwd, patternBase(pattern));
        const matcher = globToRegExp(external_node_path_.resolve(cwd, pattern).split(external_node_path_.sep).join('/'));
        const found = [];
        walk(base, found);
        const matched = found
            .filter((f) => matcher.test(f.split(external_node_path_.sep).join('/')))
            .sort((a, b) => a.localeCompare(b));
        if (matched.length === 0)
            missing.push(raw);
        files.push(...matched);
    }
    return { files: [...new Set(files)], missing, folders };
}

// EXTERNAL MODULE: ./src/action/inputs.ts
var action_inputs = __webpack_require__(81729);
// EXTERNAL MODULE: ./src/action/outputs.ts
var outputs = __webpack_require__(18948);
// EXTERNAL MODULE: ./src/packer/manifest.ts
var packer_manifest = __webpack_require__(58277);
// EXTERNAL MODULE: ./src/packer/artifacts.ts
var artifacts = __webpack_require__(68145);
;// CONCATENATED MODULE: ./src/commands/lifecycle-context.ts
/**
 * What the lifecycle commands share: the context they run in, and reading the manifests builds
 * wrote (for `merge-manifests`, and for the AMIs of `tfvars` and `promote`).
 */






/** Where manifests may be read from: the workspace, and RUNNER_TEMP where builds leave theirs. */
function manifestRoots(ctx) {
    const roots = [(0,action_inputs/* workspaceRoot */.oS)(ctx.workspace)];
    if (ctx.env.RUNNER_TEMP)
        roots.push({ name: 'RUNNER_TEMP', dir: ctx.env.RUNNER_TEMP });
    return roots;
}
async function readManifest(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new errors/* ActionError */.lZ(`Cannot read the manifest ${file}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
    }
    try {
        return { source: file, manifest: (0,packer_manifest/* parseManifest */.Ng)(text) };
    }
    catch (error) {
        throw new errors/* ActionError */.lZ(`${file}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
    }
}
/** The `ami-ids` input, or the AMIs of the manifest an earlier build step of this job wrote. */
async function amiIdsOf(given, ctx) {
    if (given)
        return given;
    const manifestFile = ctx.env[constants/* MANIFEST_ENV */.Ed];
    if (!manifestFile) {
        throw new errors/* ActionError */.lZ(`Input '${constants/* Inputs */.G0.AmiIds}' is empty and no build of this action ran earlier in this job; pass the 'ami-ids' output of the build step`);
    }
    (0,action_inputs/* checkInside */.TC)(manifestFile, { variable: constants/* MANIFEST_ENV */.Ed }, manifestFile, manifestRoots(ctx));
    const { manifest } = await readManifest(manifestFile);
    ctx.log.info(`AMIs from the manifest of this job's build: ${manifestFile}`);
    const amiIds = (0,artifacts/* amiIdsByBuild */.vQ)((0,packer_manifest/* manifestToArtifacts */.wd)((0,packer_manifest/* lastRunOf */.jk)(manifest)));
    if (Object.keys(amiIds).length === 0) {
        throw new errors/* ActionError */.lZ(`Input '${constants/* Inputs */.G0.AmiIds}' is empty, and the manifest of this job's build (${manifestFile}) holds no AMI: its last run built no Amazon image`);
    }
    return amiIds;
}

;// CONCATENATED MODULE: ./src/commands/merge-manifests.ts
/** `command: merge-manifests`: one manifest, and the image outputs, from several builds' manifests. */











/** `workingDirectory`: absolute, checked. */
async function mergeManifestFiles(inputs, workingDirectory, ctx) {
    const { files, missing, folders } = expandPatterns(inputs.manifests, workingDirectory);
    if (missing.length > 0) {
        // A folder given where files are meant: say which pattern would find its manifests.
        throw new errors/* ActionError */.lZ(`Input '${constants/* Inputs */.G0.Manifests}': nothing matches ${missing.map((m) => `'${m}'`).join(', ')} (in ${workingDirectory})` +
            (folders.length
                ? `; ${folders.map((f) => `'${f}'`).join(', ')} ${folders.length === 1 ? 'is a folder' : 'are folders'}: name the files, such as '${folders[0].replace(/\/+$/, '')}/**/*.json'`
                : ''));
    }
    for (const file of files) {
        (0,action_inputs/* checkInside */.TC)(file, constants/* Inputs */.G0.Manifests, external_node_path_.relative(workingDirectory, file) || file, manifestRoots(ctx), 'names');
    }
    const sources = await Promise.all(files.map(readManifest));
    const relative = sources.map((s) => ({
        ...s,
        source: external_node_path_.relative(workingDirectory, s.source) || s.source
    }));
    for (const [build, where] of (0,packer_manifest/* duplicateBuilds */.XM)(relative)) {
        ctx.log.warning(`Build '${build}' is in ${where.length} manifests (${where.join(', ')}); in ami-ids the last one wins`);
    }
    const merged = (0,packer_manifest/* mergeManifests */.tr)(relative, (0,external_node_crypto_.randomUUID)());
    const manifestFile = external_node_path_.join(await (0,run_dir/* createRunDir */.d)(), 'manifest.json');
    await (0,promises_.writeFile)(manifestFile, JSON.stringify(ctx.log.redactDeep(merged), null, 2) + '\n');
    const artifacts = (0,packer_manifest/* manifestToArtifacts */.wd)((0,packer_manifest/* lastSourceOfEachBuild */.gJ)(merged));
    (0,outputs/* setImageOutputs */.C)(artifacts, manifestFile, (v) => ctx.log.redact(v), (0,packer_manifest/* primaryAmisOf */.kK)(merged));
    ctx.log.info(`Merged ${sources.length} manifest(s) into ${manifestFile}: ${merged.builds.length} artifact(s) of ${new Set(merged.builds.map((b) => b.name)).size} build(s)`);
    const byBuild = new Map();
    for (const artifact of artifacts) {
        const build = byBuild.get(artifact.build) ?? {
            name: artifact.build,
            builderType: artifact.builderType,
            status: 'succeeded',
            errors: [],
            artifacts: []
        };
        build.artifacts.push(artifact);
        byBuild.set(artifact.build, build);
    }
    return { builds: [...byBuild.values()] };
}

// EXTERNAL MODULE: ./src/lifecycle/promotion.ts
var promotion = __webpack_require__(74857);
;// CONCATENATED MODULE: ./src/commands/promote.ts
/** `command: promote`: tags (and shares) the AMIs of a build as having reached a stage. */







/** Fills `report` with what was promoted, also when a call fails part-way. */
async function promoteImages(inputs, ctx, report) {
    const amiIds = await amiIdsOf(inputs.amiIds, ctx);
    const idsByRegion = new Map();
    for (const regions of Object.values(amiIds)) {
        for (const [region, ami] of Object.entries(regions)) {
            idsByRegion.set(region, (idsByRegion.get(region) ?? new Set()).add(ami));
        }
    }
    const images = [];
    for (const [region, ids] of idsByRegion) {
        try {
            images.push(...(await describeImagesById(ec2Client(region), region, [...ids])));
        }
        catch (error) {
            throw new errors/* ActionError */.lZ(`Cannot describe the AMIs in ${region}: ${(0,errors/* awsErrorMessage */.X_)(error)}`);
        }
    }
    const promotions = (0,promotion/* planPromotion */.z)({
        amiIds,
        stage: inputs.stage,
        stageTag: inputs.stageTag,
        runUrl: (0,promotion/* runUrlOf */.Qm)(ctx.env),
        now: new Date(),
        images,
        shareWith: inputs.shareWith
    });
    const done = [];
    /** The output and the summary say what was promoted, before any failure is thrown. */
    const record = () => {
        core/* setOutput */.uH(constants/* Outputs */.tY.Promoted, JSON.stringify(ctx.log.redactDeep((0,promotion/* promotedOutput */.G2)(done, inputs.stage))));
        report.markdown = (0,lifecycle/* renderPromotionSummary */.yd)(...ctx.log.redactDeep([inputs.stage, done]));
    };
    for (const p of promotions) {
        const client = ec2Client(p.region);
        try {
            if (p.changed)
                await tagResources(client, [p.imageId, ...p.snapshotIds], p.tags);
            await shareImage(client, p.imageId, p.shareWith);
        }
        catch (error) {
            record();
            const already = done.filter((d) => d.changed).map((d) => `${d.imageId} (${d.region})`);
            throw new errors/* ActionError */.lZ(`Cannot promote ${p.imageId} in ${p.region}: ${(0,errors/* awsErrorMessage */.X_)(error)}` +
                (already.length
                    ? `; already promoted to ${inputs.stage} by this step: ${already.join(', ')}`
                    : ''));
        }
        done.push(p);
        ctx.log.info(p.changed
            ? `${p.imageId} (${p.region}) and ${p.snapshotIds.length} snapshot(s): ${inputs.stageTag}=${inputs.stage}`
            : `${p.imageId} (${p.region}) is already at ${inputs.stageTag}=${inputs.stage}`);
    }
    record();
}

// EXTERNAL MODULE: ./src/tfvars/values.ts
var tfvars_values = __webpack_require__(18364);
;// CONCATENATED MODULE: ./src/tfvars/hcl.ts
/**
 * Rewriting `.tfvars` (HCL) text so that only the values of the given variables change and every
 * other byte of the file stays as the team wrote it. Pure code.
 */



class HclSyntaxError extends errors/* ActionError */.lZ {
}
const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_-]/;
const CLOSER = { '(': ')', '[': ']', '{': '}' };
/**
 * A lexer for the HCL native syntax that is just deep enough to find where each top-level
 * attribute's value starts and ends: it knows strings with escapes and nested `${}` / `%{}`
 * templates, heredocs, the three comment forms and bracket nesting, and nothing of expressions.
 */
class HclLexer {
    src;
    pos = 0;
    tokens = [];
    constructor(src) {
        this.src = src;
    }
    run() {
        if (this.src.charCodeAt(0) === 0xfeff)
            this.pos = 1;
        this.scanExpressionTokens(undefined);
        return this.tokens;
    }
    fail(message, at) {
        const { line, column } = (0,tfvars_values/* position */.G1)(this.src, at);
        throw new HclSyntaxError(`line ${line}, column ${column}: ${message}`);
    }
    push(kind, start, end, literal) {
        const token = { kind, start, end, text: this.src.slice(start, end) };
        if (literal !== undefined)
            token.literal = literal;
        this.tokens.push(token);
    }
    /**
     * Scans tokens until the bracket opened at `opener` closes (or the end of text at top level).
     * Inside templates, tokens are scanned but not recorded: only their extent matters.
     */
    scanExpressionTokens(opener, record = true) {
        const src = this.src;
        const stack = opener ? [opener] : [];
        while (this.pos < src.length) {
            const start = this.pos;
            const c = src[this.pos];
            if (c === ' ' || c === '\t' || (c === '\r' && src[this.pos + 1] !== '\n')) {
                this.pos++;
            }
            else if (c === '\n' || (c === '\r' && src[this.pos + 1] === '\n')) {
                this.pos += c === '\r' ? 2 : 1;
                if (record)
                    this.push('newline', start, this.pos);
            }
            else if (c === '#' || (c === '/' && src[this.pos + 1] === '/')) {
                while (this.pos < src.length && src[this.pos] !== '\n')
                    this.pos++;
                if (record)
                    this.push('comment', start, this.pos);
            }
            else if (c === '/' && src[this.pos + 1] === '*') {
                const end = src.indexOf('*/', this.pos + 2);
                if (end < 0)
                    this.fail('unterminated /* comment', start);
                this.pos = end + 2;
                if (record)
                    this.push('comment', start, this.pos);
            }
            else if (c === '"') {
                const literal = this.scanQuoted();
                if (record)
                    this.push('string', start, this.pos, literal);
            }
            else if (c === '<' && src[this.pos + 1] === '<' && this.heredocAhead()) {
                this.scanHeredoc();
                if (record)
                    this.push('heredoc', start, this.pos);
            }
            else if (c in CLOSER) {
                this.pos++;
                stack.push({ char: c, at: start });
                if (record)
                    this.push('open', start, this.pos);
            }
            else if (c === ')' || c === ']' || c === '}') {
                const top = stack.pop();
                if (!top)
                    this.fail(`unexpected "${c}"`, start);
                if (CLOSER[top.char] !== c) {
                    const open = (0,tfvars_values/* position */.G1)(src, top.at);
                    this.fail(`"${c}" does not close the "${top.label ?? top.char}" opened at line ${open.line}, column ${open.column}`, start);
                }
                this.pos++;
                if (record)
                    this.push('close', start, this.pos);
                if (opener && stack.length === 0)
                    return;
            }
            else if (IDENT_START.test(c)) {
                while (this.pos < src.length && IDENT_PART.test(src[this.pos]))
                    this.pos++;
                if (record)
                    this.push('ident', start, this.pos);
            }
            else if (c === '=' && src[this.pos + 1] !== '=' && src[this.pos + 1] !== '>') {
                this.pos++;
                if (record)
                    this.push('equals', start, this.pos);
            }
            else if (c === ':' || c === ',') {
                this.pos++;
                if (record)
                    this.push(c === ':' ? 'colon' : 'comma', start, this.pos);
            }
            else {
                // Numbers and operators: irrelevant here, but `==`, `=>`, `<=`, `>=`, `!=` must not
                // leave an `=` behind that would read as an assignment.
                const next = src[this.pos + 1];
                this.pos += '=!<>'.includes(c) && (next === '=' || (c === '=' && next === '>')) ? 2 : 1;
                if (record)
                    this.push('other', start, this.pos);
            }
        }
        const open = stack.pop();
        if (open)
            this.fail(`"${open.label ?? open.char}" is never closed`, open.at);
    }
    /** A quoted template starting at `"`; returns its value when it is a plain literal. */
    scanQuoted() {
        const src = this.src;
        const start = this.pos;
        this.pos++;
        let value = '';
        let literal = true;
        while (this.pos < src.length) {
            const c = src[this.pos];
            if (c === '"') {
                this.pos++;
                return literal ? value : undefined;
            }
            if (c === '\n' || c === '\r')
                break;
            if (c === '\\') {
                const next = src[this.pos + 1];
                const simple = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
                if (next in simple) {
                    value += simple[next];
                    this.pos += 2;
                }
                else if (next === 'u' || next === 'U') {
                    const width = next === 'u' ? 4 : 8;
                    const hex = src.slice(this.pos + 2, this.pos + 2 + width);
                    if (!new RegExp(`^[0-9A-Fa-f]{${width}}$`).test(hex)) {
                        this.fail(`invalid \\${next} escape in string`, this.pos);
                    }
                    value += String.fromCodePoint(parseInt(hex, 16));
                    this.pos += 2 + width;
                }
                else {
                    this.fail(`invalid escape "\\${next ?? ''}" in string`, this.pos);
                }
            }
            else if ((c === '$' || c === '%') && src[this.pos + 1] === c && src[this.pos + 2] === '{') {
                value += `${c}{`;
                this.pos += 3;
            }
            else if ((c === '$' || c === '%') && src[this.pos + 1] === '{') {
                literal = false;
                this.pos += 2;
                this.scanExpressionTokens({ char: '{', at: this.pos - 2, label: `${c}{` }, false);
            }
            else {
                value += c;
                this.pos++;
            }
        }
        this.fail('unterminated string', start);
    }
    heredocAhead() {
        return /^<<-?[A-Za-z_][A-Za-z0-9_-]*\r?\n/.test(this.src.slice(this.pos, this.pos + 200));
    }
    scanHeredoc() {
        const src = this.src;
        const start = this.pos;
        const m = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)\r?\n/.exec(src.slice(this.pos));
        if (!m)
            this.fail('invalid heredoc', start);
        const marker = m[1];
        this.pos += m[0].length;
        const closing = new RegExp(`^[ \\t]*${marker}[ \\t]*(?=\\r?\\n|$)`);
        let lineStart = true;
        while (this.pos < src.length) {
            if (lineStart) {
                const close = closing.exec(src.slice(this.pos, this.pos + marker.length + 200));
                if (close) {
                    this.pos += close[0].length;
                    return;
                }
            }
            const c = src[this.pos];
            lineStart = c === '\n';
            if ((c === '$' || c === '%') && src[this.pos + 1] === c && src[this.pos + 2] === '{') {
                this.pos += 3;
            }
            else if ((c === '$' || c === '%') && src[this.pos + 1] === '{') {
                this.pos += 2;
                this.scanExpressionTokens({ char: '{', at: this.pos - 2, label: `${c}{` }, false);
            }
            else {
                this.pos++;
            }
        }
        this.fail(`heredoc <<${marker} is never closed by a "${marker}" line`, start);
    }
}
/** A token for a message, without quoting string contents (a tfvars file may hold secrets). */
function describeToken(token) {
    if (token.kind === 'string')
        return 'a quoted string';
    if (token.kind === 'heredoc')
        return 'a heredoc';
    return `"${token.text.slice(0, 40)}"`;
}
function hclAttributes(text, tokens) {
    const attributes = [];
    const seen = new Map();
    let i = 0;
    const fail = (message, at) => {
        const { line, column } = (0,tfvars_values/* position */.G1)(text, at);
        throw new HclSyntaxError(`line ${line}, column ${column}: ${message}`);
    };
    while (i < tokens.length) {
        const token = tokens[i];
        if (token.kind === 'newline' || token.kind === 'comment') {
            i++;
            continue;
        }
        if (token.kind !== 'ident') {
            fail(`expected a variable name, found ${describeToken(token)}`, token.start);
        }
        let j = i + 1;
        while (j < tokens.length && tokens[j].kind === 'comment')
            j++;
        if (tokens[j]?.kind !== 'equals') {
            fail(`expected "=" after "${token.text}"`, tokens[j]?.start ?? text.length);
        }
        j++;
        const value = [];
        let depth = 0;
        for (; j < tokens.length; j++) {
            const t = tokens[j];
            if (t.kind === 'newline' && depth === 0)
                break;
            if (t.kind === 'open')
                depth++;
            if (t.kind === 'close')
                depth--;
            value.push(t);
        }
        const meaningful = value.filter((t) => t.kind !== 'comment' && t.kind !== 'newline');
        if (meaningful.length === 0)
            fail(`"${token.text}" has no value after "="`, token.start);
        const { line } = (0,tfvars_values/* position */.G1)(text, token.start);
        const previous = seen.get(token.text);
        if (previous !== undefined) {
            fail(`"${token.text}" is already set on line ${previous}`, token.start);
        }
        seen.set(token.text, line);
        const lineStart = text.lastIndexOf('\n', token.start - 1) + 1;
        attributes.push({
            name: token.text,
            line,
            indent: /^[ \t]*/.exec(text.slice(lineStart, token.start))?.[0] ?? '',
            valueStart: meaningful[0].start,
            valueEnd: meaningful[meaningful.length - 1].end,
            value: meaningful
        });
        i = j;
    }
    return attributes;
}
/** The value of an attribute when it is a plain string or a flat object of plain strings. */
function hclLiteral(tokens) {
    if (tokens.length === 1)
        return tokens[0].kind === 'string' ? tokens[0].literal : undefined;
    if (tokens[0]?.kind !== 'open' || tokens[0].text !== '{')
        return undefined;
    if (tokens[tokens.length - 1].kind !== 'close')
        return undefined;
    const map = (0,dictionary/* dictionary */.z)();
    let i = 1;
    const end = tokens.length - 1;
    while (i < end) {
        const key = tokens[i];
        const keyText = key.kind === 'ident' ? key.text : key.kind === 'string' ? key.literal : undefined;
        const sep = tokens[i + 1];
        const value = tokens[i + 2];
        if (keyText === undefined || !sep || (sep.kind !== 'equals' && sep.kind !== 'colon')) {
            return undefined;
        }
        if (!value || value.kind !== 'string' || value.literal === undefined)
            return undefined;
        if (Object.prototype.hasOwnProperty.call(map, keyText))
            return undefined;
        map[keyText] = value.literal;
        i += 3;
        if (tokens[i]?.kind === 'comma')
            i++;
    }
    return map;
}
function hclString(value) {
    let out = '"';
    for (const ch of value) {
        const escapes = {
            '"': '\\"',
            '\\': '\\\\',
            '\n': '\\n',
            '\r': '\\r',
            '\t': '\\t'
        };
        out += escapes[ch] ?? ch;
    }
    // `${` and `%{` would start a template sequence.
    return out.replace(/([$%])\{/g, '$1$1{') + '"';
}
function hclValue(value, indent, unit, eol) {
    if (typeof value === 'string')
        return hclString(value);
    const keys = Object.keys(value).map((k) => [hclString(k), value[k]]);
    if (keys.length === 0)
        return '{}';
    // `terraform fmt` aligns the `=` of consecutive single-line attributes.
    const width = Math.max(...keys.map(([k]) => k.length));
    const lines = keys.map(([k, v]) => `${indent}${unit}${k.padEnd(width)} = ${hclString(v)}`);
    return ['{', ...lines, `${indent}}`].join(eol);
}
/**
 * The file's indentation step: how much deeper the first line inside a bracket that ends its line
 * is indented than the line of the bracket; two spaces when no bracket spans lines. Read from the
 * tokens, so a brace inside a heredoc or string does not count.
 */
function indentUnitOf(text, tokens) {
    const indentAt = (offset) => {
        const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        return /^[ \t]*/.exec(text.slice(lineStart))[0];
    };
    for (let i = 0; i < tokens.length; i++) {
        if (tokens[i].kind !== 'open')
            continue;
        let j = i + 1;
        while (tokens[j]?.kind === 'comment')
            j++;
        if (tokens[j]?.kind !== 'newline')
            continue;
        while (tokens[j]?.kind === 'newline' || tokens[j]?.kind === 'comment')
            j++;
        if (!tokens[j])
            break;
        const outer = indentAt(tokens[i].start);
        const inner = indentAt(tokens[j].start);
        if (inner.length > outer.length && inner.startsWith(outer)) {
            const step = inner.slice(outer.length);
            return step.startsWith('\t') ? '\t' : step;
        }
    }
    return '  ';
}
/**
 * Sets Terraform variables in the text of a `.tfvars` file. Only the value of each named top-level
 * attribute is replaced (its `=` alignment, trailing comment and line ending stay); a value that
 * is already equal (same string, same map in any key order or layout) is left as it is; missing
 * variables are appended. Throws, naming line and column, when the file does not lex.
 */
function updateTfvars(text, values) {
    (0,tfvars_values/* checkValues */.Xj)(values);
    let attributes;
    let tokens;
    try {
        tokens = new HclLexer(text).run();
        attributes = hclAttributes(text, tokens);
    }
    catch (error) {
        if (error instanceof HclSyntaxError) {
            throw new errors/* ActionError */.lZ(`The tfvars file does not parse: ${error.message}`);
        }
        throw error;
    }
    const eol = (0,tfvars_values/* lineEndingOf */.RE)(text);
    const unit = indentUnitOf(text, tokens);
    const byName = new Map(attributes.map((a) => [a.name, a]));
    const edits = [];
    const missing = [];
    for (const [name, value] of Object.entries(values)) {
        const attribute = byName.get(name);
        if (!attribute) {
            missing.push(`${name} = ${hclValue(value, '', unit, eol)}`);
            continue;
        }
        if ((0,tfvars_values/* sameValue */.eE)(hclLiteral(attribute.value), value))
            continue;
        edits.push({
            start: attribute.valueStart,
            end: attribute.valueEnd,
            text: hclValue(value, attribute.indent, unit, eol)
        });
    }
    let out = text;
    for (const edit of edits.sort((a, b) => b.start - a.start)) {
        out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    }
    if (missing.length > 0)
        out = appendLines(out, missing, eol);
    return { text: out, changed: out !== text };
}
/** Appends lines; a file without a final newline keeps none, a file with one keeps it. */
function appendLines(text, lines, eol) {
    const body = lines.join(eol);
    if (text === '' || text === '\uFEFF')
        return text + body + eol;
    if (text.endsWith('\n'))
        return text + body + eol;
    return text + eol + body;
}

;// CONCATENATED MODULE: ./src/tfvars/json.ts
/**
 * Rewriting `.tfvars.json` text so that only the values of the given variables change and every
 * other byte of the file stays as the team wrote it. Pure code.
 */



class JsonSyntaxError extends errors/* ActionError */.lZ {
}
/** A JSON reader that keeps the extent of each top-level member, with line/column errors. */
class JsonScanner {
    src;
    pos = 0;
    constructor(src) {
        this.src = src;
    }
    fail(message, at = this.pos) {
        const { line, column } = (0,tfvars_values/* position */.G1)(this.src, at);
        throw new JsonSyntaxError(`line ${line}, column ${column}: ${message}`);
    }
    skipSpace() {
        while (this.pos < this.src.length && ' \t\r\n\uFEFF'.includes(this.src[this.pos]))
            this.pos++;
    }
    found() {
        return this.pos < this.src.length ? `"${this.src[this.pos]}"` : 'the end of the file';
    }
    topLevel() {
        this.skipSpace();
        if (this.src[this.pos] !== '{') {
            this.fail(`expected a JSON object ("{"), found ${this.found()}`);
        }
        const open = this.pos;
        this.pos++;
        const members = [];
        const keys = new Set();
        this.skipSpace();
        if (this.src[this.pos] === '}') {
            this.pos++;
        }
        else {
            for (;;) {
                this.skipSpace();
                const keyStart = this.pos;
                if (this.src[this.pos] !== '"')
                    this.fail(`expected a property name, found ${this.found()}`);
                const key = this.string();
                if (keys.has(key))
                    this.fail(`"${key}" appears twice`, keyStart);
                keys.add(key);
                this.skipSpace();
                if (this.src[this.pos] !== ':')
                    this.fail(`expected ":" after "${key}", found ${this.found()}`);
                this.pos++;
                this.skipSpace();
                const valueStart = this.pos;
                const value = this.value();
                members.push({ key, keyStart, valueStart, valueEnd: this.pos, value });
                this.skipSpace();
                if (this.src[this.pos] === ',') {
                    this.pos++;
                    continue;
                }
                if (this.src[this.pos] === '}') {
                    this.pos++;
                    break;
                }
                this.fail(`expected "," or "}", found ${this.found()}`);
            }
        }
        const close = this.pos - 1;
        this.skipSpace();
        if (this.pos < this.src.length)
            this.fail(`unexpected ${this.found()} after the object`);
        return { open, close, members };
    }
    value() {
        const c = this.src[this.pos];
        if (c === '"')
            return this.string();
        if (c === '{' || c === '[')
            return this.container();
        const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.src.slice(this.pos, this.pos + 400));
        if (!m)
            this.fail(`expected a JSON value, found ${this.found()}`);
        this.pos += m[0].length;
        return JSON.parse(m[0]);
    }
    container() {
        const object = this.src[this.pos] === '{';
        const close = object ? '}' : ']';
        const result = (0,dictionary/* dictionary */.z)();
        const items = [];
        this.pos++;
        this.skipSpace();
        if (this.src[this.pos] !== close) {
            for (;;) {
                this.skipSpace();
                if (object) {
                    if (this.src[this.pos] !== '"') {
                        this.fail(`expected a property name, found ${this.found()}`);
                    }
                    const key = this.string();
                    this.skipSpace();
                    if (this.src[this.pos] !== ':')
                        this.fail(`expected ":", found ${this.found()}`);
                    this.pos++;
                    this.skipSpace();
                    result[key] = this.value();
                }
                else {
                    items.push(this.value());
                }
                this.skipSpace();
                if (this.src[this.pos] !== ',')
                    break;
                this.pos++;
            }
            if (this.src[this.pos] !== close)
                this.fail(`expected "," or "${close}", found ${this.found()}`);
        }
        this.pos++;
        return object ? result : items;
    }
    string() {
        const start = this.pos;
        this.pos++;
        while (this.pos < this.src.length) {
            const c = this.src[this.pos];
            if (c === '"') {
                this.pos++;
                try {
                    return JSON.parse(this.src.slice(start, this.pos));
                }
                catch {
                    this.fail('invalid string: a bad escape or a raw control character', start);
                }
            }
            if (c === '\\')
                this.pos++;
            else if (c === '\n')
                break;
            this.pos++;
        }
        this.fail('unterminated string', start);
    }
}
function jsonMapMatches(existing, value) {
    if (typeof existing === 'string')
        return (0,tfvars_values/* sameValue */.eE)(existing, value);
    if (!(0,dictionary/* isObject */.G)(existing))
        return false;
    if (!Object.values(existing).every((v) => typeof v === 'string'))
        return false;
    return (0,tfvars_values/* sameValue */.eE)(existing, value);
}
/**
 * Sets Terraform variables in the text of a `.tfvars.json` file: replaces the values of existing
 * top-level keys in place and appends missing keys, keeping key order, indentation, the key/value
 * separator and line endings as found. Equal values are left untouched.
 */
function updateTfvarsJson(text, values) {
    (0,tfvars_values/* checkValues */.Xj)(values);
    if (text.trim() === '' || text.trim() === '\uFEFF') {
        const body = jsonObject(values, '', '  ', ': ', '\n');
        return { text: body + '\n', changed: true };
    }
    let top;
    try {
        top = new JsonScanner(text).topLevel();
    }
    catch (error) {
        if (error instanceof JsonSyntaxError) {
            throw new errors/* ActionError */.lZ(`The tfvars JSON file does not parse: ${error.message}`);
        }
        throw error;
    }
    const eol = (0,tfvars_values/* lineEndingOf */.RE)(text);
    const { members } = top;
    const first = members[0];
    // Whitespace before a member's key: a newline plus its indentation, or nothing when compact.
    const lead = members.length > 1
        ? text.slice(text.lastIndexOf(',', members[members.length - 1].keyStart) + 1, members[members.length - 1].keyStart)
        : first
            ? text.slice(top.open + 1, first.keyStart)
            : '';
    const multiline = lead.includes('\n');
    const indent = multiline ? lead.slice(lead.lastIndexOf('\n') + 1) : '';
    const unit = indent.startsWith('\t') ? '\t' : indent || '  ';
    const separator = first
        ? text.slice(first.keyStart, first.valueStart).replace(/^"(?:[^"\\]|\\.)*"/, '')
        : ': ';
    const edits = [];
    const missing = [];
    const byKey = new Map(members.map((m) => [m.key, m]));
    for (const [name, value] of Object.entries(values)) {
        const member = byKey.get(name);
        if (!member) {
            missing.push([name, value]);
            continue;
        }
        if (jsonMapMatches(member.value, value))
            continue;
        edits.push({
            start: member.valueStart,
            end: member.valueEnd,
            text: jsonValue(value, multiline ? indent : null, unit, separator, eol)
        });
    }
    if (missing.length > 0) {
        if (members.length === 0) {
            // `{}` or `{ }`: lay the members out in the file's line endings, two-space indentation.
            const body = jsonObject(Object.fromEntries(missing), '', '  ', ': ', eol);
            edits.push({ start: top.open, end: top.close + 1, text: body });
        }
        else {
            const last = members[members.length - 1];
            const added = missing
                .map(([k, v]) => `,${multiline ? eol + indent : lead}${JSON.stringify(k)}${separator}${jsonValue(v, multiline ? indent : null, unit, separator, eol)}`)
                .join('');
            edits.push({ start: last.valueEnd, end: last.valueEnd, text: added });
        }
    }
    let out = text;
    for (const edit of edits.sort((a, b) => b.start - a.start)) {
        out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    }
    return { text: out, changed: out !== text };
}
/** A value; `indent` is the indentation of the member holding it, null for a compact file. */
function jsonValue(value, indent, unit, separator, eol) {
    if (typeof value === 'string')
        return JSON.stringify(value);
    if (indent === null) {
        return `{${Object.entries(value)
            .map(([k, v]) => `${JSON.stringify(k)}${separator}${JSON.stringify(v)}`)
            .join(',')}}`;
    }
    return jsonObject(value, indent, unit, separator, eol);
}
function jsonObject(value, indent, unit, separator, eol) {
    const entries = Object.entries(value);
    if (entries.length === 0)
        return '{}';
    const lines = entries.map(([k, v]) => `${indent}${unit}${JSON.stringify(k)}${separator}${jsonValue(v, indent + unit, unit, separator, eol)}`);
    return `{${eol}${lines.join(`,${eol}`)}${eol}${indent}}`;
}

;// CONCATENATED MODULE: ./src/tfvars/file.ts
/** The file side of `command: tfvars`: read, update with the pure functions, write atomically. */







/**
 * Writes the values into the file. An unchanged file is not written at all, so its mtime stays
 * and tools watching it see nothing. A changed file is replaced by rename from a temporary file
 * in the same directory, so a reader never sees half a file; a symlink is followed so that the
 * file it points to is updated rather than the link replaced.
 */
async function applyTfvars({ file, values }) {
    let target = file;
    let text = '';
    let mode;
    try {
        target = await (0,promises_.realpath)(file);
        text = await (0,promises_.readFile)(target, 'utf8');
        mode = (await (0,promises_.stat)(target)).mode & 0o7777;
    }
    catch (error) {
        if (error.code !== 'ENOENT') {
            throw new errors/* ActionError */.lZ(`Cannot read tfvars file ${file}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
        }
    }
    const update = file.endsWith('.json') ? updateTfvarsJson : updateTfvars;
    let result;
    try {
        result = update(text, values);
    }
    catch (error) {
        throw new errors/* ActionError */.lZ(`${file}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
    }
    if (!result.changed)
        return { changed: false, file };
    // The rename below would replace a read-only file regardless; refuse it instead, as cp would.
    if (mode !== undefined && (mode & 0o222) === 0) {
        throw new errors/* ActionError */.lZ(`Cannot write tfvars file ${file}: it is read-only (mode ${mode.toString(8)}); make it writable to let tfvars update it`);
    }
    if (mode !== undefined) {
        try {
            await (0,promises_.access)(target, external_node_fs_.constants.W_OK);
        }
        catch (error) {
            throw new errors/* ActionError */.lZ(`Cannot write tfvars file ${file}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
        }
    }
    const dir = external_node_path_default().dirname(target);
    await (0,promises_.mkdir)(dir, { recursive: true });
    const temp = external_node_path_default().join(dir, `.${external_node_path_default().basename(target)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    try {
        await (0,promises_.writeFile)(temp, result.text, mode === undefined ? {} : { mode });
        await (0,promises_.rename)(temp, target);
    }
    catch (error) {
        await (0,promises_.rm)(temp, { force: true });
        throw new errors/* ActionError */.lZ(`Cannot write tfvars file ${file}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
    }
    return { changed: true, file };
}

// EXTERNAL MODULE: ./src/tfvars/mapping.ts
var mapping = __webpack_require__(79914);
;// CONCATENATED MODULE: ./src/commands/tfvars.ts
/** `command: tfvars`: writes the AMI ids of the builds into a Terraform variable file. */








/** `workingDirectory`: absolute, checked. */
async function updateTfvarsFile(inputs, workingDirectory, ctx) {
    const amiIds = await amiIdsOf(inputs.amiIds, ctx);
    const values = (0,mapping/* selectTfvarsValues */.Bv)(amiIds, inputs.tfvarsMapping);
    const file = external_node_path_.resolve(workingDirectory, inputs.tfvarsFile);
    (0,action_inputs/* checkInside */.TC)(file, constants/* Inputs */.G0.TfvarsFile, inputs.tfvarsFile, [(0,action_inputs/* workspaceRoot */.oS)(ctx.workspace)]);
    const result = await applyTfvars({ file, values });
    core/* setOutput */.uH(constants/* Outputs */.tY.Changed, String(result.changed));
    core/* setOutput */.uH(constants/* Outputs */.tY.TfvarsFile, file);
    for (const [variable, value] of Object.entries(values)) {
        ctx.log.info(`${variable} = ${JSON.stringify(value)}`);
    }
    ctx.log.info(result.changed ? `Updated ${file}` : `${file} already holds these values`);
    return {
        markdown: (0,lifecycle/* renderTfvarsSummary */.L6)(...ctx.log.redactDeep([
            external_node_path_.relative(workingDirectory, file) || file,
            result.changed,
            values
        ]))
    };
}

;// CONCATENATED MODULE: ./src/commands/lifecycle.ts
/**
 * The commands that work on what builds produced: `merge-manifests`, `tfvars`, `cleanup` and
 * `promote`, one module each. The registry loads this module with `import()` when one of them
 * runs: it brings the AWS SDK, which a build does not need. Orchestration only: the decisions are
 * the pure planners' (packer/manifest.ts, tfvars/, lifecycle/), the EC2 calls are aws/'s.
 */






/***/ })

};
