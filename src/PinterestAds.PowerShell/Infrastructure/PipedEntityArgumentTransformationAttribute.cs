using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using PinterestAds.Engine.Entities;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// Lets an entity parameter (<c>-InputObject</c>) take objects that only carry ids, named as the module's
    /// output names them: <c>Import-Csv</c> rows of entity CSVs (<c>Level</c>, <c>Id</c>, <c>AdAccountId</c>) and of
    /// analytics or report CSVs (<c>CAMPAIGN_ID</c>, <c>AD_GROUP_ID</c>, ...), hashtables, rows themselves. Their
    /// values are read as text, so nothing typed is needed. Entities pass through untouched. An object without an
    /// id still binds: the cmdlet writes that object's error (InputObjectIdMissing) and goes on with the rest.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class PipedEntityArgumentTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (value == null || value is PinEntity) return value;
            if (value is IList list && !(value is IDictionary))
            {
                var entities = new PinEntity?[list.Count];
                for (int i = 0; i < list.Count; i++) entities[i] = ToEntity(list[i]);
                return entities;
            }
            return ToEntity(inputData);
        }

        private static PinEntity? ToEntity(object? item)
        {
            object? value = item is PSObject ps ? ps.BaseObject : item;
            if (value == null || value is PinEntity) return (PinEntity?)value;
            // Plain values (a string, a number) are not objects with columns: PowerShell's own binding error says so.
            if (value is string || value.GetType().IsPrimitive) throw new ArgumentTransformationMetadataException(
                $"'{value}' is not an entity. Pipe entities (Get-PinCampaign ...), or objects with the module's id columns (Import-Csv of an entity or analytics CSV), or give ids with -Id.");
            return PinEntityReference.FromColumns(Columns(item!));
        }

        /// <summary>The columns a reference reads, as text (invariant numbers, enum names).</summary>
        private static IEnumerable<KeyValuePair<string, string?>> Columns(object item)
        {
            object value = item is PSObject ps ? ps.BaseObject : item;
            // Hashtables, and the module's rows (a read-only column -> value dictionary).
            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                    if (entry.Key is string key) yield return new KeyValuePair<string, string?>(key, Text(entry.Value));
                yield break;
            }
            var members = PSObject.AsPSObject(item).Properties;
            foreach (var name in PinEntityReference.ColumnNames)
            {
                PSPropertyInfo? property;
                object? propertyValue;
                try
                {
                    property = members[name];
                    propertyValue = property?.Value;
                }
                catch (GetValueException) { continue; }
                if (property != null) yield return new KeyValuePair<string, string?>(property.Name, Text(propertyValue));
            }
        }

        private static string? Text(object? value)
        {
            if (value is PSObject ps) value = ps.BaseObject;
            return value switch
            {
                null => null,
                string s => s,
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
        }
    }
}
