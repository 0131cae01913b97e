public import TiltsRPC

extension StoreError: RPCErrorConvertible {
    /// UNAVAILABLE (retry later) for a rolled-back write or a stopping service,
    /// RESOURCE_EXHAUSTED for a full disk, INTERNAL for the rest. The message says nothing about
    /// the data.
    public var rpcError: RPCError {
        if code == .diskFull {
            return RPCError(
                code: .resourceExhausted,
                message: "the store's disk is full: the write was not stored; retry with the same request_id once an operator has freed space",
                cause: self)
        }
        if code == .rolledBack {
            return RPCError(code: .unavailable, message: "the write was not stored; retry with the same request_id", cause: self)
        }
        if code == .shuttingDown {
            return RPCError(code: .unavailable, message: "the service is shutting down; reconnect and resume", cause: self)
        }
        return RPCError(code: .internal, message: "the service's database failed", cause: self)
    }
}
