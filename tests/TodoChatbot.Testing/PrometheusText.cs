using System.Globalization;
using System.Net;
using System.Text;
using Xunit;

namespace TodoChatbot.Testing;

/// <summary>One sample line of a Prometheus text exposition: <c>name{label="value",…} 12.5</c>.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>A service's <c>/metrics</c> page, scraped and parsed as Prometheus reads it.</summary>
public sealed class PrometheusText
{
    private PrometheusText(string text, IReadOnlyList<PrometheusSample> samples)
    {
        Text = text;
        Samples = samples;
    }

    /// <summary>The page as served, for scanning it whole.</summary>
    public string Text { get; }

    public IReadOnlyList<PrometheusSample> Samples { get; }

    /// <summary>GET <c>/metrics</c>, asserting a 200 in the Prometheus text format.</summary>
    public static async Task<PrometheusText> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/metrics answered {(int)response.StatusCode}: {text}");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return Parse(text);
    }

    /// <summary>
    /// Scrapes until the sum of <paramref name="name"/>'s samples with these labels reaches
    /// <paramref name="atLeast"/>: a request's duration is recorded as it completes, which can be
    /// just after its client has the response. Fails with the last value after <paramref name="within"/>.
    /// </summary>
    public static async Task<PrometheusText> ScrapeUntilAsync(HttpClient client, string name, double atLeast, TimeSpan within, params (string Label, string Value)[] labels)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var page = await ScrapeAsync(client);
            var value = page.Sum(name, labels);
            if (value >= atLeast)
                return page;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"{name}{{{string.Join(",", labels.Select(l => $"{l.Label}=\"{l.Value}\""))}}} stayed at {value}, expected at least {atLeast}:\n"
                    + string.Join('\n', page.Samples.Where(s => s.Name == name).Select(s => $"{string.Join(",", s.Labels.Select(l => $"{l.Key}={l.Value}"))} {s.Value}")));
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The sum of a metric's samples whose labels include all of <paramref name="labels"/> (0 when there are none).</summary>
    public double Sum(string name, params (string Label, string Value)[] labels) =>
        Samples.Where(sample => sample.Name == name
                && labels.All(label => sample.Labels.TryGetValue(label.Label, out var value) && value == label.Value))
            .Sum(sample => sample.Value);

    public static PrometheusText Parse(string text)
    {
        var samples = new List<PrometheusSample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            samples.Add(ParseSample(line));
        }
        return new PrometheusText(text, samples);
    }

    private static PrometheusSample ParseSample(string line)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var brace = line.IndexOf('{', StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        string name;
        int position;
        if (brace >= 0 && brace < space)
        {
            name = line[..brace];
            position = brace + 1;
            while (line[position] != '}')
            {
                var equals = line.IndexOf('=', position);
                var label = line[position..equals];
                var (value, next) = ReadQuoted(line, equals + 1);
                labels[label] = value;
                position = line[next] == ',' ? next + 1 : next;
            }
            position++;
        }
        else
        {
            name = line[..space];
            position = space;
        }
        var number = line[position..].Trim().Split(' ')[0];
        var parsed = number switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new PrometheusSample(name, labels, parsed);
    }

    /// <summary>A label value in double quotes with the format's escapes (\\, \", \n); returns it and the index after the closing quote.</summary>
    private static (string Value, int Next) ReadQuoted(string line, int openingQuote)
    {
        var value = new StringBuilder();
        for (var i = openingQuote + 1; ; i++)
        {
            var c = line[i];
            if (c == '"')
                return (value.ToString(), i + 1);
            if (c == '\\')
            {
                i++;
                value.Append(line[i] == 'n' ? '\n' : line[i]);
            }
            else
            {
                value.Append(c);
            }
        }
    }
}
