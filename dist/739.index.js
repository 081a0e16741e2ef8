export const id = 739;
export const ids = [739];
export const modules = {

/***/ 83916:
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

/***/ 11739:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deleteLeftovers: () => (/* binding */ deleteLeftovers)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(35193);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
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
            problems.push(`${region}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorMessage */ .X_)(error)}`);
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


/***/ })

};
