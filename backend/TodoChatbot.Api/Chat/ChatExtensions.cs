using Microsoft.Extensions.AI;
using OpenAI;
using OpenTelemetry.Metrics;
using System.ClientModel;
using System.ClientModel.Primitives;
using TodoChatbot.Api.Auth;
using TodoChatbot.Api.Chat.Offline;

namespace TodoChatbot.Api.Chat;

public static class ChatExtensions
{
    private const string LlmHttpClient = "llm";

    /// <summary>
    /// The assistant: an <see cref="IChatClient"/> for the configured provider (or the offline
    /// assistant) wrapped in Microsoft.Extensions.AI's function invocation, the per-request tools,
    /// the chat service, and its metrics (<see cref="ChatMetrics"/>). Provider calls go through an HttpClient with timeouts and retries
    /// (Microsoft.Extensions.Http.Resilience); the OpenAI SDK's own retries are off so they don't stack.
    /// </summary>
    public static WebApplicationBuilder AddChat(this WebApplicationBuilder builder)
    {
        var llm = LlmSettings.Resolve(builder.Configuration);
        var call = builder.Configuration.GetSection(LlmSettings.Section).Get<LlmCallOptions>() ?? new LlmCallOptions();
        builder.Services.AddSingleton(llm);
        builder.Services.AddOptions<ChatHistoryOptions>().BindConfiguration(ChatHistoryOptions.Section);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddScoped<TodoTools>();
        builder.Services.AddScoped<ConversationStore>();
        builder.Services.AddScoped<ChatService>();
        builder.AddChatRateLimiting();

        if (llm.Provider != LlmProvider.Offline)
            AddResilientHttpClient(builder.Services, call);

        builder.Services.AddSingleton<ChatMetrics>();
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(ChatMetrics.MeterName));
        var assistant = builder.Services
            .AddChatClient(services => llm.Provider == LlmProvider.Offline
                ? new OfflineChatClient(services.GetRequiredService<ChatMetrics>())
                : CreateProviderClient(llm, services.GetRequiredService<IHttpClientFactory>().CreateClient(LlmHttpClient)))
            .UseFunctionInvocation(configure: invoker => invoker.MaximumIterationsPerRequest = Math.Max(1, call.MaxToolRounds));
        if (llm.Provider != LlmProvider.Offline)
            assistant.Use((provider, services) => new ProviderMetricsChatClient(provider, services.GetRequiredService<ChatMetrics>(), llm.Provider));
        return builder;
    }

    private static IChatClient CreateProviderClient(LlmSettings llm, HttpClient http)
    {
        var options = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan, // the resilience pipeline owns timeouts
        };
        if (llm.BaseUrl is not null)
            options.Endpoint = llm.BaseUrl;
        // Servers that need no key (a local model) still get a placeholder: the SDK requires one.
        var credential = new ApiKeyCredential(llm.ApiKey ?? "not-needed");
        return new OpenAIClient(credential, options).GetChatClient(llm.Model).AsIChatClient();
    }

    private static void AddResilientHttpClient(IServiceCollection services, LlmCallOptions call)
    {
        var attempt = TimeSpan.FromSeconds(Math.Max(1, call.TimeoutSeconds));
        var retries = Math.Max(0, call.MaxRetries);
        services.AddHttpClient(LlmHttpClient, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.AttemptTimeout.Timeout = attempt;
                resilience.TotalRequestTimeout.Timeout = attempt * (retries + 1) + TimeSpan.FromSeconds(5 * retries + 1);
                resilience.CircuitBreaker.SamplingDuration = attempt * 2;
                if (retries == 0)
                    resilience.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
                else
                    resilience.Retry.MaxRetryAttempts = retries;
            });
    }
}
