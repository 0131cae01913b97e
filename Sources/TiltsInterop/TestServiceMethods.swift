public import TiltsRPC

/// Method names of `grpc.testing.TestService` and `grpc.testing.UnimplementedService`
/// (grpc's `src/proto/grpc/testing/test.proto`).
public enum TestServiceMethods {
    static let service = "grpc.testing.TestService"
    public static let emptyCall = MethodDescriptor(service: service, method: "EmptyCall")
    public static let unaryCall = MethodDescriptor(service: service, method: "UnaryCall")
    public static let cacheableUnaryCall = MethodDescriptor(service: service, method: "CacheableUnaryCall")
    public static let streamingOutputCall = MethodDescriptor(service: service, method: "StreamingOutputCall")
    public static let streamingInputCall = MethodDescriptor(service: service, method: "StreamingInputCall")
    public static let fullDuplexCall = MethodDescriptor(service: service, method: "FullDuplexCall")
    public static let halfDuplexCall = MethodDescriptor(service: service, method: "HalfDuplexCall")
    public static let unimplementedCall = MethodDescriptor(service: service, method: "UnimplementedCall")
    public static let unimplementedServiceCall = MethodDescriptor(
        service: "grpc.testing.UnimplementedService", method: "UnimplementedCall")
}
