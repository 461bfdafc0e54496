using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// Lets an enum parameter accept the API's spelling (<c>TIME_OF_CONVERSION</c>, <c>AD_GROUP</c>) as well
    /// as the PowerShell one (<c>TimeOfConversion</c>, <c>AdGroup</c>), case-insensitively, for single values
    /// and arrays. Completion still offers the PowerShell names (the parameter's type is the enum).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ApiEnumArgumentTransformationAttribute : ArgumentTransformationAttribute
    {
        private readonly Type _enumType;

        public ApiEnumArgumentTransformationAttribute(Type enumType) => _enumType = enumType;

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (value == null || _enumType.IsInstanceOfType(value)) return value;
            if (value is string text) return Convert(text);
            if (value is IEnumerable items)
            {
                var converted = new List<object?>();
                foreach (var item in items)
                {
                    object? element = item is PSObject p ? p.BaseObject : item;
                    converted.Add(element is string s ? Convert(s) : element);
                }
                var array = Array.CreateInstance(_enumType, converted.Count);
                for (int i = 0; i < converted.Count; i++)
                    array.SetValue(converted[i] is string raw ? Convert(raw) : Enum.ToObject(_enumType, converted[i]!), i);
                return array;
            }
            return value;
        }

        private object Convert(string text)
        {
            if (ApiNames.TryParse(_enumType, text, out var parsed)) return parsed!;
            string valid = string.Join(", ", ApiNames.PowerShellNames(_enumType));
            throw new ArgumentTransformationMetadataException(
                $"'{text}' is not a valid {_enumType.Name}. Use one of: {valid} (the API's spellings, such as {ApiNames.ToApi((Enum)Enum.GetValues(_enumType).GetValue(0)!)}, work too).");
        }
    }
}
