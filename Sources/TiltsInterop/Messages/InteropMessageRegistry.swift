public import TiltsWire

/// Every `grpc.testing` message type TiltsInterop defines, for descriptor checks and reflection.
///
/// Covers everything `TestService`, `UnimplementedService` and `ReconnectService` in
/// `Proto/grpc/testing/test.proto` take or return. The load-balancer and client-configure
/// messages of `messages.proto` belong to other services and are not defined.
public enum InteropMessageRegistry {
    public static let all: [any Message.Type] = [
        Empty.self,
        BoolValue.self,
        Payload.self,
        EchoStatus.self,
        SimpleRequest.self,
        SimpleResponse.self,
        StreamingInputCallRequest.self,
        StreamingInputCallResponse.self,
        ResponseParameters.self,
        StreamingOutputCallRequest.self,
        StreamingOutputCallResponse.self,
        ReconnectParams.self,
        ReconnectInfo.self,
    ]
}
