using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Engine.Http;
using PinterestAds.Engine.Logging;

namespace PinterestAds.Engine.Analytics
{
    /// <summary>
    /// The currency of an ad account (<c>GET /ad_accounts/{id}</c>, field <c>currency</c>), fetched once per
    /// account per session and cached: every row carries it, because <c>*_MICRO_DOLLAR</c> columns are
    /// millionths of the account's currency, not always USD.
    /// </summary>
    internal static class AdAccountCurrency
    {
        private const string CacheKeyPrefix = "currency:";

        public static async Task<string?> GetAsync(PinterestSession session, string adAccountId, IPinLog log, CancellationToken ct)
        {
            var holder = await session.Cache.GetOrFetchAsync(CacheKeyPrefix + adAccountId, async token =>
            {
                var request = new ApiRequest("ad_accounts/get").Path("ad_account_id", adAccountId);
                var response = await session.Api.SendAsync(request, log, token).ConfigureAwait(false);
                using var document = response.Json();
                var root = document.RootElement;
                string? currency = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("currency", out var c) && c.ValueKind == JsonValueKind.String
                    ? c.GetString()
                    : null;
                return new CurrencyHolder(currency);
            }, ct).ConfigureAwait(false);
            return holder.Currency;
        }

        /// <summary>The currency a listed ad account already told us (no request needed later).</summary>
        public static void Remember(PinterestSession session, PinAdAccount account)
        {
            if (!string.IsNullOrEmpty(account.Id) && account.Currency != null)
                session.Cache.Set(CacheKeyPrefix + account.Id, new CurrencyHolder(account.Currency));
        }

        private sealed class CurrencyHolder
        {
            public CurrencyHolder(string? currency) => Currency = currency;
            public string? Currency { get; }
        }
    }
}
