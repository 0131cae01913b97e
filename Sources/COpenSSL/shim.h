#ifndef TILTS_COPENSSL_SHIM_H
#define TILTS_COPENSSL_SHIM_H
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
#endif
