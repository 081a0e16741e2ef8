export const id = 146;
export const ids = [146];
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

/***/ 98765:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deleteLeftovers: () => (/* binding */ deleteLeftovers)
/* harmony export */ });
/* unused harmony export describe */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(35193);
/* harmony import */ var _action_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(78055);
/* harmony import */ var _deregister_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(32947);
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(47360);
/**
 * Deletes AWS resources a build left behind (see aws/resources.ts): after the runner killed
 * Packer (the post step), and the AMIs Packer leaves registered after a cancel or a failure (the
 * main step). Thin I/O on the SDK. It never throws: what it cannot delete is named in a warning so
 * that a person can, and returned.
 */





/** How long to wait for instances to terminate before their security group can go. */
const TERMINATE_WAIT_SECONDS = 300;
function regionsToSearch(resources, env) {
    return [
        ...new Set([...resources.regions, env.AWS_REGION ?? '', env.AWS_DEFAULT_REGION ?? ''])
    ].filter(Boolean);
}
/** The instances of the list that exist in the client's region: all of them, and those not terminated. */
async function instancesIn(client, ids) {
    if (ids.length === 0)
        return { found: [], running: [] };
    const answer = await client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .DescribeInstancesCommand */ .bNs({ Filters: [{ Name: 'instance-id', Values: ids }] }));
    const instances = (answer.Reservations ?? []).flatMap((r) => r.Instances ?? []);
    return {
        found: instances.flatMap((i) => (i.InstanceId ? [i.InstanceId] : [])),
        running: instances.flatMap((i) => i.InstanceId && i.State?.Name !== 'terminated' ? [i.InstanceId] : [])
    };
}
/** Clocks differ: an AMI created this long before the run started may still be the run's. */
const CLOCK_SKEW_MS = 10 * 60 * 1000;
/**
 * Deregisters the AMIs of the list that exist in the client's region, then their snapshots; returns
 * the ids it is done with. Only the account's own AMIs created since the run started are touched:
 * any other is named and left alone, whatever put its id in the list.
 */
async function deregisterIn(client, region, ids, since) {
    if (ids.length === 0)
        return [];
    const found = await client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .DescribeImagesCommand */ .ji5({ Owners: ['self'], Filters: [{ Name: 'image-id', Values: ids }] }));
    const earliest = since ? Date.parse(since) - CLOCK_SKEW_MS : Number.NaN;
    const done = [];
    for (const image of found.Images ?? []) {
        if (!image.ImageId)
            continue;
        const created = Date.parse(image.CreationDate ?? '');
        if (!Number.isNaN(earliest) && !(created >= earliest)) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Left ${image.ImageId} in ${region} alone: it was created ${image.CreationDate ?? 'at an unknown time'}, before this run`);
            done.push(image.ImageId);
            continue;
        }
        const snapshots = (image.BlockDeviceMappings ?? []).flatMap((m) => m.Ebs?.SnapshotId ? [m.Ebs.SnapshotId] : []);
        const result = await (0,_deregister_js__WEBPACK_IMPORTED_MODULE_3__/* .deregisterWithSnapshots */ .o)(client, image.ImageId, snapshots);
        // A refused deregistration stops this region's AMIs; the image stays listed, so the warning
        // names it.
        if (!result.deregistered)
            throw result.failures[0].error;
        done.push(image.ImageId);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Deregistered ${image.ImageId} in ${region}${result.deletedSnapshots.length ? ` and deleted snapshot(s) ${result.deletedSnapshots.join(', ')}` : ''}`);
        // The image is gone; a snapshot EC2 kept is billed on its own, so it is named here.
        if (result.failures.length > 0) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Deregistered ${image.ImageId} in ${region}, but could not delete its snapshot(s); delete them by hand: ${result.failures.map((f) => `${f.resourceId} (${(0,_action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorMessage */ .X_)(f.error)})`).join(', ')}`, { title: 'Packer build left AWS resources' });
        }
    }
    return done;
}
/**
 * Deletes what `resources` names, region by region; returns what is still there (or could not be
 * checked). `why` opens the log line, e.g. why the resources were left.
 */
async function deleteLeftovers(resources, env, why) {
    const regions = regionsToSearch(resources, env);
    const left = {
        instances: new Set(resources.instances),
        keyPairs: new Set(resources.keyPairs),
        securityGroups: new Set(resources.securityGroups),
        amis: new Map(resources.amis.map((a) => [a.id, a]))
    };
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${why}; deleting: ${describe(resources)}`);
    const problems = [];
    if (regions.length === 0 && resources.amis.some((a) => !a.region)) {
        problems.push('no region is configured (AWS_REGION)');
    }
    // AMI copies name their own region; the build's own resources are in one of `regions`.
    const search = [...new Set([...regions, ...resources.amis.map((a) => a.region).filter(Boolean)])];
    for (const region of search) {
        const client = new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .EC2Client */ .gu5({ region });
        // Each kind on its own, instances first: they cost the most, and one failure (an AMI that
        // cannot be deregistered yet, say) must not keep the others.
        const attempt = async (step) => {
            try {
                await step();
            }
            catch (error) {
                problems.push(`${region}: ${(0,_action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorMessage */ .X_)(error)}`);
            }
        };
        const own = regions.includes(region);
        try {
            if (own) {
                await attempt(async () => {
                    const { found, running } = await instancesIn(client, [...left.instances]);
                    for (const id of found)
                        if (!running.includes(id))
                            left.instances.delete(id);
                    if (running.length > 0) {
                        await client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .TerminateInstancesCommand */ .NaF({ InstanceIds: running }));
                        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Terminating ${running.join(', ')} in ${region}`);
                        await (0,_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .waitUntilInstanceTerminated */ .GJr)({ client, maxWaitTime: TERMINATE_WAIT_SECONDS, minDelay: 1, maxDelay: 10 }, { InstanceIds: running });
                        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Terminated ${running.join(', ')} in ${region}`);
                    }
                    for (const id of running)
                        left.instances.delete(id);
                });
            }
            await attempt(async () => {
                const amis = [...left.amis.values()]
                    .filter((a) => a.region === region || (!a.region && own))
                    .map((a) => a.id);
                for (const id of await deregisterIn(client, region, amis, resources.since)) {
                    left.amis.delete(id);
                }
            });
            if (!own)
                continue;
            await attempt(async () => {
                if (left.securityGroups.size === 0)
                    return;
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
            });
            await attempt(async () => {
                if (left.keyPairs.size === 0)
                    return;
                // DeleteKeyPair succeeds for a name that does not exist: only those found are deleted.
                const pairs = await client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .DescribeKeyPairsCommand */ .DRu({
                    Filters: [{ Name: 'key-name', Values: [...left.keyPairs] }]
                }));
                for (const pair of pairs.KeyPairs ?? []) {
                    if (!pair.KeyName)
                        continue;
                    await client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .DeleteKeyPairCommand */ .EWB({ KeyName: pair.KeyName }));
                    left.keyPairs.delete(pair.KeyName);
                    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Deleted key pair ${pair.KeyName} in ${region}`);
                }
            });
        }
        finally {
            client.destroy();
        }
    }
    // What no searched region showed is not known to be gone (the build may have run in another
    // region): it is named, not dropped.
    const remaining = {
        ...(0,_resources_js__WEBPACK_IMPORTED_MODULE_4__/* .emptyResources */ .hH)(),
        regions: resources.regions,
        ...(resources.since ? { since: resources.since } : {}),
        instances: [...left.instances],
        keyPairs: [...left.keyPairs],
        securityGroups: [...left.securityGroups],
        amis: [...left.amis.values()]
    };
    if ((0,_resources_js__WEBPACK_IMPORTED_MODULE_4__/* .hasResources */ .MP)(remaining)) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not delete everything the build left, or did not find it in ${search.join(', ') || 'any region'}; check and delete by hand: ${describe(remaining)}` +
            (problems.length ? ` (${problems.join('; ')})` : ''), { title: 'Packer build left AWS resources' });
    }
    return remaining;
}
function describe(r) {
    const parts = [
        r.instances.length ? `instances ${r.instances.join(', ')}` : '',
        r.keyPairs.length ? `key pairs ${r.keyPairs.join(', ')}` : '',
        r.securityGroups.length ? `security groups ${r.securityGroups.join(', ')}` : '',
        r.amis.length
            ? `AMIs ${r.amis.map((a) => (a.region ? `${a.id} (${a.region})` : a.id)).join(', ')}`
            : ''
    ].filter(Boolean);
    return `${parts.join('; ') || 'nothing'}${r.regions.length ? ` (regions ${r.regions.join(', ')})` : ''}`;
}


/***/ })

};
