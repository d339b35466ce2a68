namespace TodoChatbot.Api.Tests.Infrastructure;

/// <summary>
/// Base of the tests whose language model is <see cref="FakeOpenAIServer"/>: the class shares one
/// API and one provider (its fixture), and before each test the provider forgets its script and the
/// requests it saw, and the captured log is emptied.
/// </summary>
public abstract class FakeProviderTestBase(FakeProviderFactory factory) : ApiTestBase(factory), IClassFixture<FakeProviderFactory>
{
    protected FakeOpenAIServer Provider => factory.Provider;

    protected CollectingLoggerProvider Logs => factory.Logs;

    public override ValueTask InitializeAsync()
    {
        Provider.Reset();
        Logs.Clear();
        return base.InitializeAsync();
    }
}
