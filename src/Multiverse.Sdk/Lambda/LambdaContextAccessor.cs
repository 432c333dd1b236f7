namespace Multiverse.Sdk.Lambda;

internal sealed class LambdaContextAccessor : ILambdaContextAccessor
{
    private static readonly AsyncLocal<ILambdaContext?> s_current = new();

    public ILambdaContext? LambdaContext => s_current.Value;

    public static void Set(ILambdaContext? context) => s_current.Value = context;
}
