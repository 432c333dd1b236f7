using Multiverse.Sdk.Tests.Infrastructure;

namespace Multiverse.Sdk.Tests.Lambda;

/// <summary>Publishes each flavour of the test app at most once per run, reusing earlier runs' output.</summary>
public sealed class PublishedAppFixture
{
    public PublishedAppFixture()
    {
        // All flavours start publishing at once (one after the other), so no single test waits for more than the
        // rest of one publish; native AOT alone takes minutes on two cores.
        foreach (LambdaAppFlavor flavor in Enum.GetValues<LambdaAppFlavor>())
        {
            _ = Publisher.PublishAsync(flavor);
        }
    }

    public LambdaAppPublisher Publisher { get; } = new(TestTools.RepositoryRoot, TestTools.Directory);
}
