using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace PinterestAds
{
    /// <summary>
    /// The windows of a sync result ("2026-11-01..2026-11-30"): a read-only list whose text is the windows
    /// joined with "|" (<see cref="Engine.Formatting.ExportableObject.ListSeparator"/>, as entity lists), so
    /// <c>$summary.Accounts | Export-Csv</c> writes them instead of a type name.
    /// </summary>
    public sealed class PinSyncWindows : ReadOnlyCollection<string>
    {
        internal static readonly PinSyncWindows None = new PinSyncWindows(new string[0]);

        internal PinSyncWindows(IEnumerable<string> windows) : base(windows.ToList())
        {
        }

        public override string ToString() => string.Join(Engine.Formatting.ExportableObject.ListSeparator, this);
    }
}
