using System;
using System.Collections.Generic;

namespace PinterestAds.Engine.Resources
{
    /// <summary>The options of one type (and ad account), indexed by id and by name for name lookups.</summary>
    internal sealed class TargetingOptionSet
    {
        private readonly Dictionary<string, PinTargetingOption> _byId = new Dictionary<string, PinTargetingOption>(StringComparer.Ordinal);
        private readonly Dictionary<string, PinTargetingOption> _byIdIgnoreCase = new Dictionary<string, PinTargetingOption>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, PinTargetingOption> _byName = new Dictionary<string, PinTargetingOption>(StringComparer.OrdinalIgnoreCase);

        public TargetingOptionSet(IReadOnlyList<PinTargetingOption> options)
        {
            Options = options;
            foreach (var option in options)
            {
                // The first occurrence wins, so a country keeps its code even if a region repeats it.
                if (!_byId.ContainsKey(option.Id)) _byId[option.Id] = option;
                if (!_byIdIgnoreCase.ContainsKey(option.Id)) _byIdIgnoreCase[option.Id] = option;
                if (option.Name != null && !_byName.ContainsKey(option.Name)) _byName[option.Name] = option;
            }
        }

        public IReadOnlyList<PinTargetingOption> Options { get; }

        /// <summary>
        /// The option a targeting analytics value stands for: by id (exact, then ignoring case), else by name,
        /// because some analytics types (interests) carry the name itself.
        /// </summary>
        public PinTargetingOption? Find(string value)
        {
            if (_byId.TryGetValue(value, out var option)) return option;
            if (_byIdIgnoreCase.TryGetValue(value, out option)) return option;
            return _byName.TryGetValue(value, out option) ? option : null;
        }
    }
}
