import "../../shared/zod-locale.ts";
import { setPasswordCostForTests } from "../features/auth/password.ts";

// scrypt at N=2^17 costs ~0.3 s a hash; tests create hundreds of users.
// Production hashes keep N=2^17 (see password.test.ts).
setPasswordCostForTests(10);
