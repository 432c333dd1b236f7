namespace Multiverse.Sdk.Tests.Lambda;

/// <summary>How the test app is published: plain JIT, ReadyToRun, or native AOT.</summary>
public enum LambdaAppFlavor
{
    Jit,
    ReadyToRun,
    NativeAot,
}
