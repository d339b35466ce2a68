using System.Buffers.Binary;
using System.Text;

namespace TodoChatbot.EndToEnd.Tests;

/// <summary>A span as the collector received it; attributes as text (ints and bools printed).</summary>
internal sealed record OtlpSpan(
    string Service, string TraceId, string SpanId, string ParentSpanId, string Name, OtlpSpanKind Kind,
    IReadOnlyDictionary<string, string> Attributes)
{
    public string? Attribute(string key) => Attributes.TryGetValue(key, out var value) ? value : null;

    public override string ToString() =>
        $"{Service} {Kind} '{Name}' trace {TraceId} span {SpanId} parent {ParentSpanId} {string.Join(", ", Attributes.Select(a => $"{a.Key}={a.Value}"))}";
}

/// <summary>The values of the protocol's SpanKind.</summary>
internal enum OtlpSpanKind
{
    Unspecified = 0,
    Internal = 1,
    Server = 2,
    Client = 3,
    Producer = 4,
    Consumer = 5,
}

/// <summary>
/// Reads the spans out of an OTLP <c>ExportTraceServiceRequest</c> in the protobuf wire format,
/// by the field numbers of opentelemetry/proto/trace/v1/trace.proto and common/v1/common.proto
/// (no generated classes: the proto package is not at hand). Fields it does not need are skipped
/// by their wire type, as any protobuf reader does.
/// </summary>
internal static class OtlpTraceReader
{
    public static IEnumerable<OtlpSpan> Read(byte[] request)
    {
        var spans = new List<OtlpSpan>();
        foreach (var resourceSpans in Fields(request).Where(f => f.Number == 1).Select(f => f.Bytes))
        {
            var service = "";
            foreach (var field in Fields(resourceSpans))
            {
                if (field.Number == 1) // Resource
                    service = Attributes(field.Bytes, attributesField: 1).GetValueOrDefault("service.name", "");
                else if (field.Number == 2) // ScopeSpans
                    spans.AddRange(Fields(field.Bytes).Where(f => f.Number == 2).Select(f => ReadSpan(service, f.Bytes)));
            }
        }
        return spans;
    }

    private static OtlpSpan ReadSpan(string service, byte[] span)
    {
        string traceId = "", spanId = "", parentSpanId = "", name = "";
        var kind = OtlpSpanKind.Unspecified;
        foreach (var field in Fields(span))
        {
            switch (field.Number)
            {
                case 1: traceId = Convert.ToHexStringLower(field.Bytes); break;
                case 2: spanId = Convert.ToHexStringLower(field.Bytes); break;
                case 4: parentSpanId = Convert.ToHexStringLower(field.Bytes); break;
                case 5: name = Encoding.UTF8.GetString(field.Bytes); break;
                case 6: kind = (OtlpSpanKind)field.Varint; break;
            }
        }
        return new OtlpSpan(service, traceId, spanId, parentSpanId, name, kind, Attributes(span, attributesField: 9));
    }

    /// <summary>The KeyValue list under <paramref name="attributesField"/>: key 1, AnyValue 2.</summary>
    private static Dictionary<string, string> Attributes(byte[] message, int attributesField)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var keyValue in Fields(message).Where(f => f.Number == attributesField))
        {
            var key = "";
            var value = "";
            foreach (var field in Fields(keyValue.Bytes))
            {
                if (field.Number == 1)
                    key = Encoding.UTF8.GetString(field.Bytes);
                else if (field.Number == 2)
                    value = AnyValue(field.Bytes);
            }
            attributes[key] = value;
        }
        return attributes;
    }

    /// <summary>AnyValue: string 1, bool 2, int 3, double 4; arrays and maps are not read.</summary>
    private static string AnyValue(byte[] message)
    {
        foreach (var field in Fields(message))
        {
            switch (field.Number)
            {
                case 1: return Encoding.UTF8.GetString(field.Bytes);
                case 2: return field.Varint != 0 ? "true" : "false";
                case 3: return ((long)field.Varint).ToString(System.Globalization.CultureInfo.InvariantCulture);
                case 4: return BitConverter.Int64BitsToDouble((long)field.Varint).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return "";
    }

    private readonly record struct Field(int Number, ulong Varint, byte[] Bytes);

    /// <summary>The top-level fields of one message: varint (0), 64-bit (1), length-delimited (2) and 32-bit (5).</summary>
    private static List<Field> Fields(byte[] message)
    {
        var fields = new List<Field>();
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message, ref position);
            var number = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    fields.Add(new(number, ReadVarint(message, ref position), []));
                    break;
                case 1:
                    fields.Add(new(number, BinaryPrimitives.ReadUInt64LittleEndian(message.AsSpan(position, 8)), message[position..(position + 8)]));
                    position += 8;
                    break;
                case 2:
                    var length = checked((int)ReadVarint(message, ref position));
                    fields.Add(new(number, 0, message[position..(position + length)]));
                    position += length;
                    break;
                case 5:
                    fields.Add(new(number, BinaryPrimitives.ReadUInt32LittleEndian(message.AsSpan(position, 4)), message[position..(position + 4)]));
                    position += 4;
                    break;
                default:
                    throw new FormatException($"wire type {tag & 7} of field {number} at byte {position} is not protobuf");
            }
        }
        return fields;
    }

    private static ulong ReadVarint(byte[] message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
                return value;
        }
    }
}
