namespace TreatyWatch.Ledger;

/// <summary>The ledger refuses a request: an unknown record, a record already corrected, a spec it cannot read.</summary>
public sealed class LedgerException(string message, Exception? inner = null) : Exception(message, inner);
