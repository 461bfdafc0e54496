using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace PinterestAds.Engine.Http
{
    /// <summary>JSON request bodies: one writer for the object, and for the string lists that report and bulk bodies hold.</summary>
    internal static class JsonBody
    {
        /// <summary>A JSON object whose members <paramref name="fields"/> writes, as UTF-8 bytes.</summary>
        public static byte[] Object(Action<Utf8JsonWriter> fields)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                fields(writer);
                writer.WriteEndObject();
            }
            return buffer.ToArray();
        }

        /// <summary>A string array member.</summary>
        public static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
        {
            writer.WriteStartArray(name);
            foreach (string value in values) writer.WriteStringValue(value);
            writer.WriteEndArray();
        }

        /// <summary>A string array member, left out when there are no values (an omitted filter, not an empty one).</summary>
        public static void StringsIfAny(Utf8JsonWriter writer, string name, IReadOnlyCollection<string> values)
        {
            if (values.Count > 0) Strings(writer, name, values);
        }
    }
}
