using Npgsql;
using TodoChatbot.Api.Data;

namespace TodoChatbot.Api.Tests.Data;

/// <summary>DATABASE_URL as Neon's console and other hosts give it, translated into Npgsql settings.</summary>
public sealed class PostgresUrlTests
{
    [Fact]
    public void A_neon_url_keeps_host_credentials_database_and_ssl()
    {
        var builder = Translate("postgresql://neondb_owner:not-a-real-password@ep-example-000000-pooler.us-east-2.aws.neon.tech/neondb?sslmode=require&channel_binding=require");

        Assert.Equal("ep-example-000000-pooler.us-east-2.aws.neon.tech", builder.Host);
        Assert.Equal(5432, builder.Port);
        Assert.Equal("neondb", builder.Database);
        Assert.Equal("neondb_owner", builder.Username);
        Assert.Equal("not-a-real-password", builder.Password);
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal(ChannelBinding.Require, builder.ChannelBinding);
    }

    [Fact]
    public void A_neon_url_without_channel_binding_and_with_an_explicit_port()
    {
        var builder = Translate("postgresql://alex:fake@ep-white-thunder-123456.eu-central-1.aws.neon.tech:5433/todo_app?sslmode=require");

        Assert.Equal(5433, builder.Port);
        Assert.Equal("todo_app", builder.Database);
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal(ChannelBinding.Prefer, builder.ChannelBinding); // Npgsql's default, untouched
    }

    [Fact]
    public void A_neon_url_with_the_endpoint_option_for_clients_without_sni()
    {
        var builder = Translate("postgres://user:pass@ep-quiet-sea-654321.ap-southeast-1.aws.neon.tech/db?sslmode=verify-full&options=endpoint%3Dep-quiet-sea-654321");

        Assert.Equal(SslMode.VerifyFull, builder.SslMode);
        Assert.Equal("endpoint=ep-quiet-sea-654321", builder.Options);
    }

    [Fact]
    public void Percent_encoded_credentials_and_database_are_decoded()
    {
        var builder = Translate("postgresql://app%40team:p%40ss%3Aw%2Fo%23rd@db.internal:6543/my%20db?sslmode=disable&application_name=todo%20api&connect_timeout=7");

        Assert.Equal("app@team", builder.Username);
        Assert.Equal("p@ss:w/o#rd", builder.Password);
        Assert.Equal("my db", builder.Database);
        Assert.Equal(6543, builder.Port);
        Assert.Equal(SslMode.Disable, builder.SslMode);
        Assert.Equal("todo api", builder.ApplicationName);
        Assert.Equal(7, builder.Timeout);
    }

    [Fact]
    public void An_ipv6_host_loses_its_brackets()
    {
        Assert.Equal("::1", Translate("postgresql://u:p@[::1]:5432/db").Host);
    }

    [Theory]
    [InlineData("postgresql://")]
    [InlineData("postgresql://user:Sekr1tPw@/db")]
    [InlineData("postgresql://user:Sekr1tPw@host")]
    [InlineData("postgresql://user:Sekr1tPw@host/db?sslmode=sometimes")]
    [InlineData("postgresql://user:Sekr1tPw@host/db?channel_binding=maybe")]
    [InlineData("postgresql://user:Sekr1tPw@host/db?connect_timeout=soon")]
    [InlineData("postgresql://user:Sekr1tPw@host/db?pgbouncer=true")]
    [InlineData("mysql://user:Sekr1tPw@host/db")]
    public void Malformed_or_unsupported_urls_fail_with_a_reason(string url)
    {
        var exception = Assert.Throws<FormatException>(() => PostgresUrl.ToConnectionString(url));
        Assert.Contains("database URL", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Sekr1tPw", exception.Message, StringComparison.Ordinal); // never echo credentials
    }

    [Theory]
    [InlineData("sslmode=disable", "SslMode", "Disable")]
    [InlineData("sslmode=allow", "SslMode", "Allow")]
    [InlineData("sslmode=prefer", "SslMode", "Prefer")]
    [InlineData("sslmode=require", "SslMode", "Require")]
    [InlineData("sslmode=verify-ca", "SslMode", "VerifyCA")]
    [InlineData("sslmode=verify-full", "SslMode", "VerifyFull")]
    [InlineData("channel_binding=disable", "ChannelBinding", "Disable")]
    [InlineData("channel_binding=prefer", "ChannelBinding", "Prefer")]
    [InlineData("channel_binding=require", "ChannelBinding", "Require")]
    public void Every_libpq_spelling_of_ssl_and_channel_binding_is_understood(string parameter, string setting, string expected)
    {
        var builder = Translate($"postgresql://u:p@host/db?{parameter}");

        var actual = setting == "SslMode" ? builder.SslMode.ToString() : builder.ChannelBinding.ToString();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("sslmode=required", "sslmode=required; use disable, allow, prefer, require, verify-ca or verify-full")]
    [InlineData("channel_binding=maybe", "channel_binding=maybe; use disable, prefer or require")]
    public void A_wrong_spelling_is_refused_with_every_spelling_that_is_accepted(string parameter, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => PostgresUrl.ToConnectionString($"postgresql://u:p@host/db?{parameter}"));

        Assert.EndsWith(reason, exception.Message, StringComparison.Ordinal);
    }

    private static NpgsqlConnectionStringBuilder Translate(string url) => new(PostgresUrl.ToConnectionString(url));
}
