package io.credentialhealth.check;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The accounts of a {@link Snapshot}: an immutable list in registry order that also finds an
 * account by id in constant time. Health asks for every account by id on each request, so a linear
 * search made a readiness request quadratic in the number of accounts (10,000 accounts: 50 million
 * string comparisons per request, see docs/benchmarks.md).
 */
final class AccountList extends AbstractList<AccountStatus> implements RandomAccess {

	private final List<AccountStatus> accounts;

	private final Map<String, AccountStatus> byId;

	private AccountList(List<AccountStatus> accounts) {
		this.accounts = List.copyOf(accounts);
		this.byId = new HashMap<>((int) (this.accounts.size() / 0.75f) + 1);
		// The first of duplicate ids wins, as a search in list order would find it.
		this.accounts.forEach((status) -> this.byId.putIfAbsent(status.id(), status));
	}

	static AccountList of(List<AccountStatus> accounts) {
		return (accounts instanceof AccountList list) ? list : new AccountList(accounts);
	}

	AccountStatus byId(String id) {
		return this.byId.get(id);
	}

	@Override
	public AccountStatus get(int index) {
		return this.accounts.get(index);
	}

	@Override
	public int size() {
		return this.accounts.size();
	}

}
