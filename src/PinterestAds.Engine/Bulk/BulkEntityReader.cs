using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PinterestAds.Engine.Entities;

namespace PinterestAds.Engine.Bulk
{
    /// <summary>
    /// Reads the entities of a bulk download file: JSON (an object with one array per entity type, e.g.
    /// <c>{"campaigns":[...],"ad_groups":[...]}</c>, or a plain array) or CSV (a header, one line per entity,
    /// an <c>entity_type</c> column). Bulk files are small next to reports, so they are parsed whole.
    /// </summary>
    internal static class BulkEntityReader
    {
        public static IEnumerable<PinBulkEntity> Read(Stream decoded, ReportFormat format, string adAccountId)
        {
            using var memory = new MemoryStream();
            decoded.CopyTo(memory);
            byte[] bytes = memory.ToArray();
            return format == ReportFormat.Csv ? ReadCsv(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), adAccountId) : ReadJson(bytes, adAccountId);
        }

        private static IEnumerable<PinBulkEntity> ReadJson(byte[] bytes, string adAccountId)
        {
            var entities = new List<PinBulkEntity>();
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in root.EnumerateArray())
                    entities.Add(new PinBulkEntity(adAccountId, JsonValues.String(item, "entity_type") ?? "", JsonValues.Fields(item)));
            }
            else if (root.ValueKind == JsonValueKind.Object)
            {
                foreach (var group in root.EnumerateObject())
                {
                    if (group.Value.ValueKind != JsonValueKind.Array) continue;
                    string type = EntityTypeOf(group.Name);
                    foreach (var item in group.Value.EnumerateArray())
                        entities.Add(new PinBulkEntity(adAccountId, type, JsonValues.Fields(item)));
                }
            }
            return entities;
        }

        /// <summary>"ad_groups" -> AD_GROUP, "campaigns" -> CAMPAIGN.</summary>
        internal static string EntityTypeOf(string groupName)
        {
            string upper = groupName.ToUpperInvariant();
            return upper.EndsWith("S", StringComparison.Ordinal) ? upper.Substring(0, upper.Length - 1) : upper;
        }

        private static IEnumerable<PinBulkEntity> ReadCsv(string text, string adAccountId)
        {
            var records = CsvRecords(text).ToList();
            if (records.Count == 0) yield break;
            var header = records[0];
            int typeColumn = header.FindIndex(h => string.Equals(h, "entity_type", StringComparison.OrdinalIgnoreCase));
            for (int r = 1; r < records.Count; r++)
            {
                var record = records[r];
                if (record.Count == 1 && record[0].Length == 0) continue;
                if (record.Count != header.Count)
                    throw new Reports.Reading.ReportFormatException(
                        $"Bulk CSV line {r} has {record.Count} fields but the header has {header.Count}.", r);
                var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (int i = 0; i < header.Count; i++) fields[header[i]] = record[i].Length == 0 ? null : record[i];
                yield return new PinBulkEntity(adAccountId, typeColumn >= 0 ? record[typeColumn] : "", fields);
            }
        }

        /// <summary>RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks.</summary>
        private static IEnumerable<List<string>> CsvRecords(string text)
        {
            var record = new List<string>();
            var field = new StringBuilder();
            bool quoted = false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else field.Append(c);
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
                else if (c == '\n' || c == '\r')
                {
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                    record.Add(field.ToString());
                    field.Clear();
                    yield return record;
                    record = new List<string>();
                }
                else field.Append(c);
            }
            if (field.Length > 0 || record.Count > 0)
            {
                record.Add(field.ToString());
                yield return record;
            }
        }
    }
}
