using Microsoft.Extensions.Configuration;
using TodoChatbot.Api.Chat;
using TodoChatbot.ServiceDefaults;

namespace TodoChatbot.Api.Tests.Chat;

/// <summary>Which provider a configuration selects, including the aliases people paste.</summary>
public sealed class LlmSettingsTests
{
    [Theory]
    [InlineData(null, null, null, LlmProvider.Offline)]
    [InlineData(null, "gsk_test", null, LlmProvider.Groq)]
    [InlineData("", "gsk_test", null, LlmProvider.Groq)]
    [InlineData("  ", null, "sk-test", LlmProvider.OpenAI)]
    [InlineData("offline", "gsk_test", null, LlmProvider.Offline)]
    [InlineData("OpenAI", null, "sk-test", LlmProvider.OpenAI)]
    public void The_provider_follows_the_settings_and_a_blank_provider_counts_as_unset(string? provider, string? groqKey, string? openAIKey, LlmProvider expected)
    {
        var settings = LlmSettings.Resolve(Configuration(("Llm:Provider", provider), ("GROQ_API_KEY", groqKey), ("OPENAI_API_KEY", openAIKey)));
        Assert.Equal(expected, settings.Provider);
    }

    [Fact]
    public void Groq_gets_its_openai_compatible_address_and_a_default_model()
    {
        var settings = LlmSettings.Resolve(Configuration(("GROQ_API_KEY", "gsk_test")));
        Assert.Equal(LlmSettings.GroqBaseUrl, settings.BaseUrl);
        Assert.Equal(LlmSettings.GroqDefaultModel, settings.Model);
        Assert.Equal("gsk_test", settings.ApiKey);
    }

    [Theory]
    [InlineData("groq", null, null, "no API key")]
    [InlineData("openai-compatible", null, null, "Llm__Model")]
    [InlineData("anthropic", null, null, "not one of")]
    [InlineData("openai-compatible", "model", "ftp://nope", "not an http(s) URL")]
    public void A_setting_that_cannot_work_stops_the_start_with_a_reason(string provider, string? model, string? baseUrl, string reason)
    {
        var exception = Assert.Throws<StartupConfigurationException>(() =>
            LlmSettings.Resolve(Configuration(("Llm:Provider", provider), ("Llm:Model", model), ("Llm:BaseUrl", baseUrl))));
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Where(v => v.Value is not null).Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();
}
