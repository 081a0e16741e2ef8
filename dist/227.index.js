export const id = 227;
export const ids = [227];
export const modules = {

/***/ 93227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   expectedSha256: () => (/* binding */ expectedSha256),
/* harmony export */   formatFingerprint: () => (/* binding */ formatFingerprint),
/* harmony export */   parseSha256Sums: () => (/* binding */ parseSha256Sums),
/* harmony export */   readTrustedKeys: () => (/* binding */ readTrustedKeys),
/* harmony export */   verifyDetachedSignature: () => (/* binding */ verifyDetachedSignature)
/* harmony export */ });
/* unused harmony export fingerprintOf */
/* harmony import */ var openpgp__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(13074);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);


async function readTrustedKeys(armored, description) {
    let keys;
    try {
        keys = await (0,openpgp__WEBPACK_IMPORTED_MODULE_0__/* .readKeys */ .x4)({ armoredKeys: armored });
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Could not read ${description} as an OpenPGP public key: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error)}`);
    }
    if (keys.some((k) => k.isPrivate())) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`${description} is a private key; give the public key only`);
    }
    return { keys, description };
}
function fingerprintOf(key) {
    return key.getFingerprint().toUpperCase();
}
/** Spaced like gpg prints it: `C874 011F 0AB4 0511 0D02  1055 3436 5D94 72D7 468F`. */
function formatFingerprint(fingerprint) {
    return fingerprint.toUpperCase().replace(/(.{4})(?!$)/g, '$1 ');
}
/**
 * Checks a detached OpenPGP signature over `data`. Every signature in the file is awaited: a file
 * is accepted only when at least one signature verifies against a trusted key, and rejected when
 * any signature that claims a trusted key fails. Key validity is judged at the signature's creation
 * time, as gpg does for release signatures, so a release signed before a subkey expired still checks.
 */
async function verifyDetachedSignature(data, signatureBytes, trusted, what) {
    let signature;
    try {
        signature = await (0,openpgp__WEBPACK_IMPORTED_MODULE_0__/* .readSignature */ .Bc)({ binarySignature: signatureBytes });
    }
    catch {
        try {
            signature = await (0,openpgp__WEBPACK_IMPORTED_MODULE_0__/* .readSignature */ .Bc)({
                armoredSignature: Buffer.from(signatureBytes).toString('utf8')
            });
        }
        catch (error) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`The signature of ${what} is not an OpenPGP signature: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error)}`);
        }
    }
    const created = signature.packets[0]?.created ?? undefined;
    const message = await (0,openpgp__WEBPACK_IMPORTED_MODULE_0__/* .createMessage */ .oH)({ binary: data });
    let result;
    try {
        result = await (0,openpgp__WEBPACK_IMPORTED_MODULE_0__/* .verify */ .MX)({
            message,
            signature,
            verificationKeys: trusted.keys,
            date: created ?? new Date(),
            format: 'binary'
        });
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Could not check the signature of ${what}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error)}`);
    }
    const failures = [];
    for (const entry of result.signatures) {
        const keyId = entry.keyID.toHex().toUpperCase();
        try {
            await entry.verified;
        }
        catch (error) {
            failures.push(`key ID ${keyId}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error)}`);
            continue;
        }
        for (const key of trusted.keys) {
            const matching = key.getKeys(entry.keyID)[0];
            if (matching) {
                return {
                    signingKeyFingerprint: matching.getFingerprint().toUpperCase(),
                    primaryFingerprint: fingerprintOf(key)
                };
            }
        }
    }
    const signers = result.signatures.map((s) => s.keyID.toHex().toUpperCase()).join(', ') || 'nobody';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`The signature of ${what} is not valid for ${trusted.description}: signed by key ID ${signers}` +
        (failures.length ? ` (${failures.join('; ')})` : ''));
}
/** Parses a `SHA256SUMS` file: `<64 hex>  <file name>` per line. */
function parseSha256Sums(text) {
    const sums = new Map();
    for (const line of text.split(/\r?\n/)) {
        const match = /^([0-9a-fA-F]{64})\s+\*?(\S.*?)\s*$/.exec(line);
        if (match)
            sums.set(match[2], match[1].toLowerCase());
    }
    return sums;
}
function expectedSha256(sums, fileName, sumsName) {
    const hash = sums.get(fileName);
    if (!hash) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`${sumsName} has no checksum line for ${fileName}; refusing to install it`);
    }
    return hash;
}


/***/ })

};
