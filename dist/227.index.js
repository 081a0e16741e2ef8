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
/* harmony import */ var _action_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(78055);


const PUBLIC_BLOCK = /-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]*?-----END PGP PUBLIC KEY BLOCK-----/g;
/**
 * Reads one or more armored public keys. Several keys may be given one after another, each in its
 * own armor block, so that a key rotation can trust the old and the new key side by side.
 */
async function readTrustedKeys(armored, description) {
    if (/-----BEGIN PGP PRIVATE KEY BLOCK-----/.test(armored)) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`${description} is a private key; give the public key only`);
    }
    const blocks = armored.match(PUBLIC_BLOCK) ?? [armored];
    const keys = [];
    for (const [index, block] of blocks.entries()) {
        try {
            keys.push(...(await (0,openpgp__WEBPACK_IMPORTED_MODULE_0__/* .readKeys */ .x4)({ armoredKeys: block })));
        }
        catch (error) {
            const which = blocks.length > 1 ? ` (key block ${index + 1} of ${blocks.length})` : '';
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Could not read ${description}${which} as an OpenPGP public key: ${(0,_action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error)}`);
        }
    }
    if (keys.some((k) => k.isPrivate())) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`${description} is a private key; give the public key only`);
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
/** The day a key expired, `YYYY-MM-DD` (UTC). */
function expiryDay(expiry) {
    return expiry instanceof Date ? expiry.toISOString().slice(0, 10) : 'an unknown date';
}
/**
 * Why a trusted key may not be used now, or undefined when it may: the primary key and, when a
 * subkey made the signature, that subkey must be neither revoked nor expired today.
 */
async function unusableNow(key, signer, now) {
    const primary = formatFingerprint(fingerprintOf(key));
    try {
        await key.verifyPrimaryKey(now);
    }
    catch (error) {
        const message = (0,_action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error);
        if (/revoked/i.test(message))
            return `key ${primary} is revoked`;
        if (/expired/i.test(message)) {
            return `key ${primary} expired on ${expiryDay(await key.getExpirationTime())}`;
        }
        return `key ${primary} is not valid today: ${message}`;
    }
    const subkey = key.getSubkeys().find((s) => s.getKeyID().equals(signer));
    if (!subkey)
        return undefined;
    const id = formatFingerprint(subkey.getFingerprint());
    try {
        await subkey.verify(now);
    }
    catch (error) {
        const message = (0,_action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error);
        if (/revoked/i.test(message))
            return `signing subkey ${id} of ${primary} is revoked`;
        if (/expired/i.test(message)) {
            return `signing subkey ${id} of ${primary} expired on ${expiryDay(await subkey.getExpirationTime(now))}`;
        }
        return `signing subkey ${id} of ${primary} is not valid today: ${message}`;
    }
    return undefined;
}
/**
 * Checks a detached OpenPGP signature over `data` as gpgv does. Every signature in the file is
 * awaited: a file is accepted only when at least one signature verifies against a trusted key, and
 * rejected when any signature that claims a trusted key fails.
 *
 * The key is judged as it stands today, not as it stood when the signature was made: a publisher
 * that renews its key's expiry publishes new self-signatures dated after every release it signed
 * before (HashiCorp's key, renewed on 2026-02-18, carries only those), and those releases stay good.
 * A key or signing subkey that is revoked or expired today is refused, naming the date; the
 * signature must still be newer than the key that made it.
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
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`The signature of ${what} is not an OpenPGP signature: ${(0,_action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error)}`);
        }
    }
    const now = new Date();
    const message = await (0,openpgp__WEBPACK_IMPORTED_MODULE_0__/* .createMessage */ .oH)({ binary: data });
    let result;
    try {
        result = await (0,openpgp__WEBPACK_IMPORTED_MODULE_0__/* .verify */ .MX)({
            message,
            signature,
            verificationKeys: trusted.keys,
            date: now,
            format: 'binary',
            // openpgp judges a key at the signature's creation time and finds no self-signature then
            // when the key was renewed later; with this it judges the key today instead, as gpgv does.
            // Today's revocations and expiry are checked below for every key, renewed or not.
            config: { allowInsecureVerificationWithReformattedKeys: true }
        });
    }
    catch (error) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Could not check the signature of ${what}: ${(0,_action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error)}`);
    }
    const failures = [];
    let keyUnusable = false;
    for (const entry of result.signatures) {
        const keyId = entry.keyID.toHex().toUpperCase();
        const key = trusted.keys.find((k) => k.getKeys(entry.keyID).length > 0);
        if (key) {
            const reason = await unusableNow(key, entry.keyID, now);
            if (reason) {
                failures.push(`key ID ${keyId}: ${reason}`);
                keyUnusable = true;
                continue;
            }
        }
        try {
            await entry.verified;
        }
        catch (error) {
            failures.push(`key ID ${keyId}: ${(0,_action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error)}`);
            continue;
        }
        if (key) {
            return {
                signingKeyFingerprint: key.getKeys(entry.keyID)[0].getFingerprint().toUpperCase(),
                primaryFingerprint: fingerprintOf(key)
            };
        }
    }
    const signers = result.signatures.map((s) => s.keyID.toHex().toUpperCase()).join(', ') || 'nobody';
    throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`The signature of ${what} is not valid for ${trusted.description}: signed by key ID ${signers}` +
        (failures.length ? ` (${failures.join('; ')})` : '') +
        (keyUnusable
            ? '. A revoked or expired key is not trusted: give the current release key in the ' +
                'releases-signing-key input (several keys may be given, one armor block each)'
            : ''));
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
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`${sumsName} has no checksum line for ${fileName}; refusing to install it`);
    }
    return hash;
}


/***/ })

};
