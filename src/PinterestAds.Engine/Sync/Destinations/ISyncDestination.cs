using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Engine.Sync.Destinations
{
    /// <summary>
    /// Where synced rows land (a CSV folder, a SQLite file, a PostgreSQL database). A destination holds one
    /// definition, its rows and its own state, and replaces a window's rows and the window's state in one
    /// atomic step, so a run killed at any point leaves either the old or the new window, never a mix.
    /// </summary>
    internal interface ISyncDestination : IDisposable
    {
        /// <summary>How messages name the destination (never a password).</summary>
        string Name { get; }

        /// <summary>
        /// Checks the destination before any API request: reachable, the right kind of thing, its
        /// definition the same as <paramref name="definition"/>. Unless <paramref name="readOnly"/>
        /// (-WhatIf), takes the lock (refusing a second run at the same time) and creates the schema on
        /// the first run. Throws <see cref="PinterestValidationException"/> with what is wrong and the fix.
        /// </summary>
        Task OpenAsync(SyncDefinition definition, bool readOnly, CancellationToken ct);

        /// <summary>The state of one account (empty when it was never synced here).</summary>
        Task<SyncAccountState> ReadStateAsync(string adAccountId, CancellationToken ct);

        /// <summary>Records that a run for the account started (status Running) or ended.</summary>
        Task WriteRunAsync(SyncAccountState state, CancellationToken ct);

        /// <summary>
        /// Deletes every row of the account dated inside <paramref name="window"/>, inserts
        /// <paramref name="rows"/> (all inside the window) and records <paramref name="days"/>, atomically.
        /// Returns how many rows were deleted.
        /// </summary>
        Task<int> ReplaceWindowAsync(string adAccountId, SyncWindow window, IReadOnlyList<object?[]> rows,
            IReadOnlyList<SyncDayState> days, CancellationToken ct);
    }
}
