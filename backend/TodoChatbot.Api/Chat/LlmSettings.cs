using TodoChatbot.ServiceDefaults;

namespace TodoChatbot.Api.Chat;

public enum LlmProvider
{
    /// <summary>The built-in deterministic assistant: no account, no network.</summary>
    Offline,
    Groq,
    OpenAI,
    /// <summary>Any server that speaks OpenAI's chat-completions API (a gateway, Ollama, vLLM, a test fake).</summary>
    OpenAICompatible,
}

/// <summary>
/// Which language model answers, decided once from configuration (<c>Llm</c> section):
/// <c>Llm__Provider</c> = groq | openai | openai-compatible | offline, <c>Llm__ApiKey</c>,
/// <c>Llm__Model</c>, <c>Llm__BaseUrl</c>. With no provider named, <c>GROQ_API_KEY</c> selects
/// Groq, <c>OPENAI_API_KEY</c> OpenAI, and nothing at all the offline assistant.
/// </summary>
public sealed record LlmSettings(LlmProvider Provider, string? ApiKey, string Model, Uri? BaseUrl)
{
    public const string Section = "Llm";
    public static readonly Uri GroqBaseUrl = new("https://api.groq.com/openai/v1");
    public const string GroqDefaultModel = "llama-3.3-70b-versatile";
    public const string OpenAIDefaultModel = "gpt-4o-mini";

    public static LlmSettings Resolve(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var provider = NullIfBlank(section["Provider"])?.ToLowerInvariant();
        var apiKey = NullIfBlank(section["ApiKey"]);
        var model = NullIfBlank(section["Model"]);
        var baseUrl = ParseBaseUrl(section["BaseUrl"]);
        var groqKey = NullIfBlank(configuration["GROQ_API_KEY"]);
        var openAIKey = NullIfBlank(configuration["OPENAI_API_KEY"]);

        provider ??= groqKey is not null ? "groq"
            : openAIKey is not null ? "openai"
            : apiKey is not null ? (baseUrl is null ? "openai" : "openai-compatible")
            : "offline";

        return provider switch
        {
            "offline" => new(LlmProvider.Offline, null, Offline.OfflineChatClient.ModelId, null),
            "groq" => new(LlmProvider.Groq, Require(apiKey ?? groqKey, "groq", "GROQ_API_KEY"), model ?? GroqDefaultModel, baseUrl ?? GroqBaseUrl),
            "openai" => new(LlmProvider.OpenAI, Require(apiKey ?? openAIKey, "openai", "OPENAI_API_KEY"), model ?? OpenAIDefaultModel, baseUrl),
            "openai-compatible" => new(LlmProvider.OpenAICompatible, apiKey,
                model ?? throw new StartupConfigurationException("Llm__Provider is openai-compatible but Llm__Model is not set"),
                baseUrl ?? throw new StartupConfigurationException("Llm__Provider is openai-compatible but Llm__BaseUrl is not set")),
            _ => throw new StartupConfigurationException(
                $"Llm__Provider '{provider}' is not one of: groq, openai, openai-compatible, offline"),
        };
    }

    private static string Require(string? key, string provider, string alias) =>
        key ?? throw new StartupConfigurationException($"Llm__Provider is {provider} but no API key is set (Llm__ApiKey or {alias})");

    private static Uri? ParseBaseUrl(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new StartupConfigurationException($"Llm__BaseUrl '{value}' is not an http(s) URL");
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Settings of the <c>Llm</c> section that shape each call rather than choose the provider.</summary>
public sealed class LlmCallOptions
{
    /// <summary>Seconds one request to the provider may take before it is abandoned.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries of a failed request (timeouts, 429, 5xx), with backoff and Retry-After honoured.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Rounds of tool calls one message may trigger, so a confused model cannot loop.</summary>
    public int MaxToolRounds { get; set; } = 5;
}
