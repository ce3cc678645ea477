# document messages (en)

## Kinds of signed document
document-kind-passenger = passenger declaration
document-kind-cn22 = CN 22 declaration
document-kind-cn23 = CN 23 declaration
document-kind-trade = trade declaration
document-kind-payment = payment draft

## Parts of a signed document
document-field-version = format version
document-field-kind = document kind
document-field-issued-at = issue time
document-field-public-key = public key
document-field-body-length = contents length
document-field-body = contents
document-field-signature = signature

## Reading, signing and checking documents
document-error-encode = the document cannot be encoded: { $detail }
document-error-decode = the data is not valid at { $path }: { $detail }
document-error-body = the { $kind } is not valid at { $path }: { $detail }
document-error-body-too-large = the document is { $len } bytes; at most { $max } bytes can be signed
document-error-empty = the document is empty
document-error-prefix = this is not a Karvon document code: it should start with “KV1:”, not “{ $found }”
document-error-base45-char = “{ $character }” at position { $position } cannot appear in a document code
document-error-base45-length = the document code is cut short ({ $len } characters after “KV1:”)
document-error-base45-value = the document code is damaged at position { $position }
document-error-inflate-truncated = the document code is cut short
document-error-inflate-corrupt = the document code is damaged
document-error-too-large = the document unpacks to more than { $max } bytes; it is refused
document-error-envelope-truncated = the document ends before its { $field }
document-error-envelope-trailing = { $count } unexpected bytes follow the signature
document-error-version = document format version { $version } is not supported; update Karvon
document-error-unknown-kind = unknown document kind (tag { $tag })
document-error-body-length = the document says its contents are { $len } bytes; at most { $max } are allowed
document-error-signature = the signature is not valid: the document was changed or was not signed by this key
document-error-untrusted = the signature is valid, but the key { $fingerprint } is not a trusted key
document-error-key = the signing key cannot be read: { $detail }
document-error-key-generation = a signing key could not be generated

## QR codes
qr-error-too-long = the text is { $len } characters; a QR code at this error-correction level holds at most { $max }
qr-error-encode = the text cannot be encoded as a QR code: { $detail }
qr-error-scale = the scale { $scale } is not allowed; use 1 to { $max } pixels per module
qr-error-not-png = the file is not a PNG image
qr-error-png-corrupt = the PNG image is damaged: { $detail }
qr-error-png-unsupported = this PNG image cannot be read: { $detail }
qr-error-image-too-large = the image is { $width } × { $height } pixels; at most { $max } pixels are read
qr-error-not-found = no QR code was found in the image
qr-error-unreadable = a QR code was found but cannot be read: { $detail }
