// @ts-check
// A developer build? ./build.sh writes `true` into the unpacked dist/<browser>/ (developers, the
// end-to-end tests); the store packages keep `false`.
export const DEV = false;
