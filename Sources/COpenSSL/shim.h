#ifndef TILTS_COPENSSL_SHIM_H
#define TILTS_COPENSSL_SHIM_H
/* The keyed HMAC below uses SHA256_Init/Update/Final, which OpenSSL 3 deprecates in favour of
   EVP; they remain exported and are the only way to copy a midstate without an allocation. */
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <string.h>
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/hmac.h>

/* Macros that Swift cannot import directly. */
static inline long tilts_ssl_set_tlsext_host_name(SSL *ssl, const char *name) {
    return SSL_set_tlsext_host_name(ssl, name);
}
static inline long tilts_ssl_ctx_set_min_proto_version(SSL_CTX *ctx, int version) {
    return SSL_CTX_set_min_proto_version(ctx, version);
}
static inline long tilts_ssl_ctx_set_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_mode(ctx, mode);
}
static inline size_t tilts_bio_pending(BIO *bio) {
    return (size_t)BIO_ctrl_pending(bio);
}
static inline long tilts_bio_set_mem_eof_return(BIO *bio, int value) {
    return BIO_set_mem_eof_return(bio, value);
}
static inline unsigned long tilts_xn_flag_rfc2253(void) {
    return XN_FLAG_RFC2253;
}
static inline uint64_t tilts_ssl_op_no_renegotiation(void) {
    return SSL_OP_NO_RENEGOTIATION;
}
static inline uint64_t tilts_ssl_op_no_compression(void) {
    return SSL_OP_NO_COMPRESSION;
}
static inline uint64_t tilts_ssl_op_cipher_server_preference(void) {
    return SSL_OP_CIPHER_SERVER_PREFERENCE;
}
static inline void tilts_openssl_free(void *pointer) {
    OPENSSL_free(pointer);
}

/* HMAC-SHA-256 (RFC 2104) with the key's inner and outer pads hashed once: each MAC copies the
   two midstates (plain structs) instead of fetching the algorithm and hashing the pads again, as
   OpenSSL 3's one-shot HMAC() does. */
typedef struct {
    SHA256_CTX inner;
    SHA256_CTX outer;
} tilts_hmac_sha256_key;

static inline void tilts_hmac_sha256_key_init(tilts_hmac_sha256_key *key, const unsigned char *secret, size_t length) {
    unsigned char block[SHA256_CBLOCK];
    unsigned char pad[SHA256_CBLOCK];
    memset(block, 0, sizeof block);
    if (length > SHA256_CBLOCK) {
        SHA256(secret, length, block);
    } else if (length > 0) {
        memcpy(block, secret, length);
    }
    for (size_t i = 0; i < SHA256_CBLOCK; i++) pad[i] = block[i] ^ 0x36;
    SHA256_Init(&key->inner);
    SHA256_Update(&key->inner, pad, sizeof pad);
    for (size_t i = 0; i < SHA256_CBLOCK; i++) pad[i] = block[i] ^ 0x5c;
    SHA256_Init(&key->outer);
    SHA256_Update(&key->outer, pad, sizeof pad);
    OPENSSL_cleanse(block, sizeof block);
    OPENSSL_cleanse(pad, sizeof pad);
}

static inline void tilts_hmac_sha256(const tilts_hmac_sha256_key *key, const unsigned char *message, size_t length,
                                     unsigned char out[SHA256_DIGEST_LENGTH]) {
    SHA256_CTX context = key->inner;
    unsigned char inner[SHA256_DIGEST_LENGTH];
    SHA256_Update(&context, message, length);
    SHA256_Final(inner, &context);
    context = key->outer;
    SHA256_Update(&context, inner, sizeof inner);
    SHA256_Final(out, &context);
    OPENSSL_cleanse(&context, sizeof context);
}
#endif
