// @ts-check
// Whether this is a developer build. The source says no; ./build.sh writes `true` into the
// unpacked dist/<browser>/ that developers and the end-to-end tests load, and zips the store
// packages with this file as it is here: the developer time-scale has no effect in them.
export const DEV = false;
