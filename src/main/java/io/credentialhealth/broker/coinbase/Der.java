package io.credentialhealth.broker.coinbase;

import java.util.Arrays;

/**
 * The few bytes of DER that reading a private key needs: definite lengths only, bounds-checked,
 * so hostile input ends in a {@link DerException} (whose message never quotes the input).
 */
final class Der {

	static final int INTEGER = 0x02;

	static final int BIT_STRING = 0x03;

	static final int OCTET_STRING = 0x04;

	static final int OID = 0x06;

	static final int SEQUENCE = 0x30;

	static final int CONTEXT_0 = 0xA0;

	static final int CONTEXT_1 = 0xA1;

	private Der() {
	}

	record Tlv(int tag, byte[] content) {

		boolean is(int expected) {
			return this.tag == expected;
		}

		Reader children() {
			return new Reader(this.content);
		}

	}

	static final class Reader {

		private final byte[] data;

		private int pos;

		Reader(byte[] data) {
			this.data = data;
		}

		boolean hasMore() {
			return this.pos < this.data.length;
		}

		Tlv next() throws DerException {
			if (this.pos + 2 > this.data.length) {
				throw new DerException("truncated DER element");
			}
			int tag = this.data[this.pos++] & 0xff;
			if ((tag & 0x1f) == 0x1f) {
				throw new DerException("unsupported DER tag");
			}
			int first = this.data[this.pos++] & 0xff;
			int length;
			if (first < 0x80) {
				length = first;
			}
			else {
				int count = first & 0x7f;
				if (count == 0 || count > 3 || this.pos + count > this.data.length) {
					throw new DerException("unsupported DER length");
				}
				length = 0;
				for (int i = 0; i < count; i++) {
					length = (length << 8) | (this.data[this.pos++] & 0xff);
				}
			}
			if (length > this.data.length - this.pos) {
				throw new DerException("DER length beyond the data");
			}
			byte[] content = Arrays.copyOfRange(this.data, this.pos, this.pos + length);
			this.pos += length;
			return new Tlv(tag, content);
		}

		Tlv next(int expectedTag, String what) throws DerException {
			Tlv tlv = next();
			if (!tlv.is(expectedTag)) {
				throw new DerException("expected " + what);
			}
			return tlv;
		}

	}

	static final class DerException extends Exception {

		private static final long serialVersionUID = 1L;

		DerException(String fixedMessage) {
			super(fixedMessage, null, false, false);
		}

	}

}
