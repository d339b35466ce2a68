using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TodoChatbot.Api.Tests.Infrastructure;

/// <summary>The API on SQLite, its language model being the fake provider.</summary>
public sealed class FakeProviderFactory : SqliteApiFactory
{
    private Dictionary<string, string> _settings = [];

    public FakeOpenAIServer Provider { get; private set; } = null!;

    public CollectingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
            services.AddSingleton<ILoggerProvider>(Logs));
    }

    protected override IReadOnlyDictionary<string, string> ExtraSettings => _settings;

    protected override async Task<(string? Setting, string? Unavailable)> PrepareDatabaseAsync()
    {
        Provider = await FakeOpenAIServer.StartAsync();
        _settings = FakeOpenAIServer.ProviderSettings(Provider.BaseUrl);
        _settings["Llm:MaxToolRounds"] = "3";
        _settings["Chat:HistoryMessages"] = "3";
        return await base.PrepareDatabaseAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
